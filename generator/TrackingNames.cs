namespace LeNetGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert how each step ran (cached, unchanged, modified).</summary>
internal static class TrackingNames
{
    public const string AttributeSpec = nameof(AttributeSpec);
    public const string JsonSpec = nameof(JsonSpec);
    public const string MisnamedSpecFile = nameof(MisnamedSpecFile);
    public const string Checked = nameof(Checked);
    public const string Scheduled = nameof(Scheduled);
    public const string WeightsNames = nameof(WeightsNames);
    public const string Checkpoint = nameof(Checkpoint);
    public const string Checkpoints = nameof(Checkpoints);
    public const string Weights = nameof(Weights);
    public const string Plan = nameof(Plan);
    public const string Emitted = nameof(Emitted);
    public const string TooLarge = nameof(TooLarge);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Names = nameof(Names);
    public const string DuplicateNames = nameof(DuplicateNames);
    public const string BuildOptions = nameof(BuildOptions);
    public const string EmitOptions = nameof(EmitOptions);
}
