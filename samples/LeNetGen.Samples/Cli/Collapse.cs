using System.Collections.Generic;

namespace LeNetGen.Samples.Cli;

/// <summary>
/// Training that fails without a NaN: a rate far too high (classic --lr 1e6, modern --lr 3 and up) or a tiny SDLM mu
/// drives the network to one answer for everything. Two signs, checked after each pass: its test error is at chance
/// (within 2 points of 1 - 1/classes) and so is its training error; or the training loss has grown pass after pass for
/// three passes.
/// </summary>
internal static class Collapse
{
    private const double Margin = 0.02;

    /// <summary>Why the passes in <paramref name="rows"/> look collapsed, or null when they do not.</summary>
    public static string? Check(IReadOnlyList<EpochRow> rows, int classes)
    {
        if (rows.Count == 0) return null;
        EpochRow last = rows[^1];
        double chance = 1 - 1.0 / classes;
        if (last.TestError >= chance - Margin && last.TrainError >= chance - Margin)
            return $"Training collapsed in pass {last.Epoch}: test error {last.TestError:P2} and training error {last.TrainError:P2}, " +
                $"where guessing gives {chance:P0}.";
        if (rows.Count >= 4 && Growing(rows, rows.Count - 4))
            return $"Training is diverging: the training loss grew pass after pass, from {rows[^4].TrainLoss:G4} in pass {rows[^4].Epoch} to {last.TrainLoss:G4} in pass {last.Epoch}.";
        return null;
    }

    private static bool Growing(IReadOnlyList<EpochRow> rows, int from)
    {
        for (int i = from + 1; i < rows.Count; i++)
            if (!(rows[i].TrainLoss > rows[i - 1].TrainLoss)) return false;
        return true;
    }
}
