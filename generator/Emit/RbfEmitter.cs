namespace LeNetGen.Generator.Emit;

/// <summary>Kept for the vector backend, which names the fixed prototypes' table through it; <see cref="Naming.FixedPrototypes"/> is the name.</summary>
internal static class RbfEmitter
{
    public const string FixedTable = Naming.FixedPrototypes;
}
