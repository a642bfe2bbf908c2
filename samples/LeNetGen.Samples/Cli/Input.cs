namespace LeNetGen.Samples.Cli;

/// <summary>Checks that images reach a checkpoint's network as they did in training.</summary>
internal static class Input
{
    /// <summary>Refuses <paramref name="converter"/> when it places images elsewhere in the input than the checkpoint records.</summary>
    public static void RequireSamePadding(Checkpoint<float> checkpoint, string path, BatchConverter<float> converter)
    {
        if (InputPreparation.RecordedIn(checkpoint) is InputPreparation recorded
            && (recorded.PadTop, recorded.PadLeft) != (converter.PadTop, converter.PadLeft))
            throw new System.ArgumentException(
                $"{path} was trained on images padded by {recorded.PadTop} rows and {recorded.PadLeft} columns, these are padded by " +
                $"{converter.PadTop} and {converter.PadLeft}.");
    }
}
