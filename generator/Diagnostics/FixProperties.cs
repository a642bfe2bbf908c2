using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Diagnostics;

/// <summary>
/// The names of the values a diagnostic carries in its Properties for the code fixes (codefixes/, shipped beside the
/// generator). The shape checker writes them from what it computed (the front end the one name it knows); a fix reads
/// them and edits the source, and never computes a shape itself. Every value is an invariant-culture integer, or a comma-separated list of them.
/// </summary>
internal static class FixProperties
{
    /// <summary>LNG0010: the name of the containing type to make partial.</summary>
    public const string ContainingType = "LeNetGen.ContainingType";

    /// <summary>LNG0101: the largest kernel height that fits the (padded) input.</summary>
    public const string FitKernelHeight = "LeNetGen.FitKernelHeight";

    /// <summary>LNG0101: the largest kernel width that fits the (padded) input.</summary>
    public const string FitKernelWidth = "LeNetGen.FitKernelWidth";

    /// <summary>LNG0101: the least padding with which the kernel as written fits; absent beyond LeNetGen's padding limit.</summary>
    public const string FitPadding = "LeNetGen.FitPadding";

    /// <summary>LNG0102 and LNG0111 on a pooling layer: the windows nearest the one written that tile the input, nearest first.</summary>
    public const string TilingWindows = "LeNetGen.TilingWindows";

    /// <summary>LNG0103 and LNG0104: the full connection table's rows (the input maps).</summary>
    public const string TableRows = "LeNetGen.TableRows";

    /// <summary>LNG0103 and LNG0104: the full connection table's columns (the layer's output maps).</summary>
    public const string TableColumns = "LeNetGen.TableColumns";

    /// <summary>LNG0107: the units a dense layer before the head needs for the prototypes (84 for LeNet-5's).</summary>
    public const string DenseUnits = "LeNetGen.DenseUnits";

    /// <summary>Name and value pairs as a diagnostic's properties take them.</summary>
    public static EquatableArray<(string Name, string Value)> Of(params (string Name, long Value)[] values) =>
        values.Select(v => (v.Name, v.Value.ToString(CultureInfo.InvariantCulture))).ToEquatableArray();

    /// <summary>A list of integers as one property value: "2,4".</summary>
    public static string List(IEnumerable<int> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
