using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Check;

/// <summary>
/// Decides how deep each layer's loops are written out. The JIT compiles a method whose IL is larger than about
/// 60,000 bytes (or with more than about 20,000 IL instructions) without optimization (MinOpts), which is far slower
/// than the loops it replaced; <see cref="JitIlBudget"/> keeps each generated method below that, measured in
/// written-out multiply-adds ("taps") of about <see cref="IlBytesPerTap"/> IL bytes each. See README, "Unrolling".
/// </summary>
internal static class UnrollPlanner
{
    /// <summary>IL bytes of one written-out multiply-add, as the emitter writes it (measured on the generated code).</summary>
    public const int IlBytesPerTap = 24;

    /// <summary>The largest method the planner makes, in IL bytes: below the JIT's 60,000-byte MinOpts threshold.</summary>
    public const int JitIlBudget = 48_000;

    /// <summary>The JIT's threshold, as quoted in LNG0301.</summary>
    public const int JitIlThreshold = 60_000;

    /// <summary>The taps written out in one layer method at <paramref name="depth"/>.</summary>
    public static long WrittenOutTaps(Unroll depth, LayerKind kind, Shape input, Shape output, int kernelArea, long tableTaps, int window)
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
                    Unroll.Maps => area * output.Maps,
                    _ => area,
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

    public static long EstimatedIlBytes(long taps) => taps * IlBytesPerTap;

    /// <summary>The deepest of Maps, Kernel and Window within the budget (Window when nothing fits).</summary>
    public static Unroll ChooseAuto(LayerKind kind, Shape input, Shape output, int kernelArea, long tableTaps, int window)
    {
        foreach (Unroll depth in new[] { Unroll.Maps, Unroll.Kernel })
        {
            if (EstimatedIlBytes(WrittenOutTaps(depth, kind, input, output, kernelArea, tableTaps, window)) <= JitIlBudget)
                return depth;
        }
        return Unroll.Window;
    }
}
