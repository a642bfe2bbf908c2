using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Emit.Scalar;

/// <summary>
/// Decides how deep each layer's loops are written out, and estimates what that costs the JIT.
/// <para>
/// The .NET JIT compiles a method without optimization (MinOpts) when its IL has more than 20,000 instructions or more
/// than 8,000 local-variable references (or more than 60,000 bytes, 2,000 basic blocks or 2,000 locals:
/// DEFAULT_MIN_OPTS_* in dotnet/runtime's src/coreclr/jit/compiler.h, applied in Compiler::compSetOptimizationLevel).
/// For our straight-line code the instruction count binds for convolutions and dense layers, the local-reference
/// count for RBF layers; the byte limit never binds first. Crossing the line made a layer 2.7 to 7 times slower in our
/// measurements (README, "Unrolling"). The per-tap costs below were measured on the emitters' output with .NET 10:
/// one "tap" is one written-out multiply-add (or, in pooling, one window cell).
/// </para>
/// </summary>
internal static class UnrollPlanner
{
    /// <summary>The JIT's limits (compiler.h): above either, a method is compiled without optimization.</summary>
    public const int JitInstructionLimit = 20_000;
    public const int JitLocalReferenceLimit = 8_000;

    /// <summary>What the planner allows itself: 80% of each limit, leaving room for loops, stores and activations.</summary>
    public const int InstructionBudget = 16_000;
    public const int LocalReferenceBudget = 6_400;

    /// <summary>IL instructions and local-variable references of one tap, in tenths, per statement form.</summary>
    private static (int Instructions, int LocalReferences) CostPerTapInTenths(LayerKind kind, bool literalIndex) => kind switch
    {
        LayerKind.RbfOutput => (161, 71),              // d = input[i] - prototypes[k]; s += d * d;
        LayerKind.Dense or LayerKind.SoftmaxOutput => (106, 26), // input[i] * weights[k], four per statement
        _ => literalIndex ? (105, 25) : (125, 35),     // input[at + k] * weights[j]; literal: input[k] * weights[j]
    };

    /// <summary>The taps written out in one layer method at <paramref name="depth"/>.</summary>
    /// <param name="windowCopies">Pooling: how many times the loops write a window out (once per pair of row and column
    /// bands: up to four in ceil mode, whose clipped last row and column get windows of their own); counted at full size.</param>
    public static long WrittenOutTaps(Unroll depth, LayerKind kind, Shape input, Shape output, int kernelArea, long tableTaps, int window, int windowCopies = 1)
    {
        long positions = (long)output.Height * output.Width;
        switch (kind)
        {
            case LayerKind.Conv:
                long fullTaps = tableTaps > 0 ? tableTaps : (long)output.Maps * input.Maps * kernelArea;
                return depth switch
                {
                    Unroll.Full => fullTaps * positions,
                    Unroll.Maps => fullTaps,
                    Unroll.Kernel => tableTaps > 0 ? fullTaps : (long)input.Maps * kernelArea,
                    _ => tableTaps > 0 ? fullTaps : kernelArea,
                };
            case LayerKind.Pool:
                long area = (long)window * window;
                return depth switch
                {
                    Unroll.Full => area * output.Maps * positions,
                    Unroll.Maps => area * output.Maps * windowCopies,
                    _ => area * windowCopies,
                };
            default: // dense, softmax and RBF heads: one tap per input of each unit
                long inputs = input.Size;
                return depth switch
                {
                    Unroll.Full or Unroll.Maps => inputs * output.Maps,
                    Unroll.Kernel => inputs,
                    _ => 1,
                };
        }
    }

    /// <summary>
    /// The taps a layer writes out over all its scalar methods, from those of its forward method: a layer of weights
    /// writes each tap again for the input's deltas and the weights' gradients (backward) and for both once more, squared
    /// (curvature), five times in all; a pooling layer routes deltas and curvatures back through each window cell, three.
    /// </summary>
    public static long OverAllPasses(LayerKind kind, long forwardTaps) => forwardTaps * (kind == LayerKind.Pool ? 3 : 5);

    /// <summary>Estimated IL instructions and local-variable references of a layer method at <paramref name="depth"/>.</summary>
    public static (long Instructions, long LocalReferences) Estimate(Unroll depth, LayerKind kind, Shape input, Shape output, int kernelArea, long tableTaps, int window, int windowCopies = 1)
    {
        long taps = WrittenOutTaps(depth, kind, input, output, kernelArea, tableTaps, window, windowCopies);
        bool literalIndex = depth == Unroll.Full || (output.Height == 1 && output.Width == 1);
        var (instructions, references) = CostPerTapInTenths(kind, literalIndex);
        return ((taps * instructions + 9) / 10, (taps * references + 9) / 10);
    }

    public static bool WithinBudget((long Instructions, long LocalReferences) estimate) =>
        estimate.Instructions <= InstructionBudget && estimate.LocalReferences <= LocalReferenceBudget;

    public static bool BeyondJitLimits((long Instructions, long LocalReferences) estimate) =>
        estimate.Instructions > JitInstructionLimit || estimate.LocalReferences > JitLocalReferenceLimit;

    /// <summary>The deepest of Maps, Kernel and Window within the budget (Window when nothing fits).</summary>
    public static Unroll ChooseAuto(LayerKind kind, Shape input, Shape output, int kernelArea, long tableTaps, int window, int windowCopies = 1)
    {
        foreach (Unroll depth in new[] { Unroll.Maps, Unroll.Kernel })
        {
            if (WithinBudget(Estimate(depth, kind, input, output, kernelArea, tableTaps, window, windowCopies)))
                return depth;
        }
        return Unroll.Window;
    }

    /// <summary>
    /// IL cost of one tap of a backward or curvature statement (e.g. <c>weightGradients[k] += input[at + 33] * g;</c>
    /// or its square), in tenths: a little above the forward forms, which were measured.
    /// </summary>
    private const int BackwardInstructionsPerTapInTenths = 180, BackwardReferencesPerTapInTenths = 60;

    /// <summary>
    /// Splits the output maps (units) of a method written out map by map into groups whose backward methods stay within
    /// the budget: the first map of each group. <paramref name="tapsOfMap"/> gives each map's written-out taps.
    /// </summary>
    public static EquatableArray<int> BackwardGroups(Unroll depth, int maps, System.Func<int, long> tapsOfMap)
    {
        if (depth is not (Unroll.Maps or Unroll.Full)) return new[] { 0 }.ToEquatableArray();
        long tapBudget = System.Math.Min(InstructionBudget * 10L / BackwardInstructionsPerTapInTenths, LocalReferenceBudget * 10L / BackwardReferencesPerTapInTenths);
        var starts = new System.Collections.Generic.List<int> { 0 };
        long taps = 0;
        for (int m = 0; m < maps; m++)
        {
            long mapTaps = tapsOfMap(m);
            if (taps > 0 && taps + mapTaps > tapBudget)
            {
                starts.Add(m);
                taps = 0;
            }
            taps += mapTaps;
        }
        return starts.ToEquatableArray();
    }
}
