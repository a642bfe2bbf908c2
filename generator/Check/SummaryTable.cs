using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Check;

/// <summary>Writes a network's shape table, as Keras' model.summary() does: one row per layer, totals at the bottom.</summary>
internal static class SummaryTable
{
    public static string Write(Shape input, IReadOnlyList<LayerPlan> layers, int parameters, int fixedValues)
    {
        var rows = new List<string[]>
        {
            new[] { "layer", "kind", "activation", "output", "parameters", "connections" },
            new[] { "INPUT", "input", "", input.ToPaperString(), "", "" },
        };
        long connections = 0;
        foreach (LayerPlan layer in layers)
        {
            string kind = layer.Description;
            if (layer.HasTable) kind += $" (table: {Count(layer)} of {layer.In.Maps * layer.Out.Maps})";
            if (layer.Kind == LayerKind.RbfOutput)
                kind += layer.TrainablePrototypes ? " (trained prototypes)" : " (fixed prototypes)";
            string activation = layer.Kind switch
            {
                LayerKind.SoftmaxOutput => "softmax",
                LayerKind.RbfOutput => "",
                _ => ActivationName(layer.Activation),
            };
            string shape = layer.Kind is LayerKind.Conv or LayerKind.Pool ? layer.Out.ToMapsString() : layer.Out.ToPaperString();
            rows.Add(new[] { layer.Name, kind, activation, shape, N(layer.ParameterCount), N(layer.Connections) });
            connections += layer.Connections;
        }
        rows.Add(new[] { "total", "", "", "", N(parameters), N(connections) });

        int columns = rows[0].Length;
        var widths = new int[columns];
        foreach (string[] row in rows)
            for (int c = 0; c < columns; c++) widths[c] = System.Math.Max(widths[c], row[c].Length);

        var text = new StringBuilder();
        foreach (string[] row in rows)
        {
            var line = new StringBuilder();
            for (int c = 0; c < columns; c++)
            {
                if (c > 0) line.Append("  ");
                bool number = c >= 4;
                line.Append(number ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        if (fixedValues > 0) text.Append("fixed, not trained: ").Append(N(fixedValues)).Append(" prototype values\n");
        return text.ToString().TrimEnd('\n');
    }

    private static int Count(LayerPlan layer)
    {
        int pairs = 0;
        foreach (EquatableArray<int> inputs in layer.Table) pairs += inputs.Count;
        return pairs;
    }

    public static string ActivationName(Act activation) => activation switch
    {
        Act.Identity => "",
        Act.Tanh => "tanh",
        Act.ScaledTanh => "scaled tanh",
        Act.Relu => "relu",
        _ => "sigmoid",
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
