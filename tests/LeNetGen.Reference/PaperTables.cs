namespace LeNetGen.Reference;

/// <summary>Connection tables from the paper, built from its description rather than copied from a drawing.</summary>
public static class PaperTables
{
    /// <summary>
    /// LeNet-5's C3 table (table 1 of LeCun et al., 1998) as [S2 map, C3 map]: maps 0-5 read 3 cyclically contiguous
    /// S2 maps starting at their own index, maps 6-11 read 4 starting at (map - 6), maps 12-14 read {0,1,3,4},
    /// {1,2,4,5}, {0,2,3,5}, and map 15 reads all 6. 60 connections.
    /// </summary>
    public static bool[,] LeNet5C3()
    {
        var table = new bool[6, 16];
        for (int map = 0; map < 6; map++)
            for (int k = 0; k < 3; k++) table[(map + k) % 6, map] = true;
        for (int map = 6; map < 12; map++)
            for (int k = 0; k < 4; k++) table[(map - 6 + k) % 6, map] = true;
        int[][] nonContiguous = [[0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5]];
        for (int j = 0; j < 3; j++)
            foreach (int s2 in nonContiguous[j]) table[s2, 12 + j] = true;
        for (int s2 = 0; s2 < 6; s2++) table[s2, 15] = true;
        return table;
    }

    /// <summary>
    /// A table written the paper's way: one line per input map, one character per output map, 'X' connected; lines
    /// separated by '\n' or '/'.
    /// </summary>
    public static bool[,] Parse(string text)
    {
        string[] rows = text.Split('\n', '/');
        var table = new bool[rows.Length, rows[0].Length];
        for (int input = 0; input < rows.Length; input++)
        {
            if (rows[input].Length != rows[0].Length)
                throw new System.ArgumentException($"Row {input} has {rows[input].Length} columns; row 0 has {rows[0].Length}.", nameof(text));
            for (int output = 0; output < rows[input].Length; output++) table[input, output] = rows[input][output] is 'X' or 'x';
        }
        return table;
    }
}
