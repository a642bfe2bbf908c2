namespace LeNetGen;

/// <summary>Named connection tables for <see cref="ConvAttribute.Connections"/>.</summary>
public static class ConnectionTables
{
    /// <summary>
    /// LeNet-5's C3 table (table 1 of LeCun et al., 1998): rows are the 6 S2 maps, columns the 16 C3 maps. Maps 0-5 read
    /// 3 contiguous S2 maps, 6-11 read 4 contiguous ones, 12-14 read 4 non-contiguous ones, 15 reads all 6: 60
    /// connections, 1,516 parameters. In JSON specs, the string <c>"LeNet5C3"</c> names it.
    /// </summary>
    public const string LeNet5C3 =
        "X...XXX..XXXX.XX\n" +
        "XX...XXX..XXXX.X\n" +
        "XXX...XXX..X.XXX\n" +
        ".XXX..XXXX..X.XX\n" +
        "..XXX..XXXX.XX.X\n" +
        "...XXX..XXXX.XXX";
}
