namespace LeNetGen;

/// <summary>
/// How much of a layer's loop nest the generator writes out statement by statement. Every loop bound, offset and
/// stride is a literal at every depth; the depth only decides which loops remain loops. Deeper unrolling removes loop
/// overhead and index arithmetic but makes larger methods, and the JIT compiles a very large method without
/// optimization: the generator warns (LNG0301) when a requested depth crosses that line.
/// </summary>
public enum Unroll
{
    /// <summary>
    /// The default: the deepest of <see cref="Maps"/>, <see cref="Kernel"/> and <see cref="Window"/> whose method stays
    /// small enough for the JIT to optimize.
    /// </summary>
    Auto = 0,

    /// <summary>
    /// Convolution and pooling: one kernel window (e.g. 5x5 = 25 multiply-adds) is written out; input maps, output maps
    /// and positions are loops (a connection table is always written out). Dense: a loop over inputs.
    /// </summary>
    Window = 1,

    /// <summary>
    /// The whole receptive field of one output unit (every connected input map times the window; for dense layers, every
    /// input) is written out; output maps (units) and positions are loops.
    /// </summary>
    Kernel = 2,

    /// <summary>As <see cref="Kernel"/>, and every output map (dense: unit) written out; positions remain loops.</summary>
    Maps = 3,

    /// <summary>Everything written out, output positions included. For small layers only.</summary>
    Full = 4,
}
