using System;

namespace LeNetGen.TestNetworks.Infrastructure;

/// <summary>
/// A scalar loss of the head's sums, written in the test (not taken from the runtime), with its gradient dL/d(sums):
/// what Backward is handed as headGradient.
/// </summary>
internal sealed record HeadLoss(string Name, Func<double[], double> Value, Func<double[], double[]> Gradient)
{
    /// <summary>L = sum_k c_k s_k: every head sum with its own weight, dL/ds = c.</summary>
    public static HeadLoss Linear(double[] c)
    {
        double Value(double[] sums)
        {
            double total = 0.0;
            for (int k = 0; k < sums.Length; k++) total += c[k] * sums[k];
            return total;
        }
        return new HeadLoss("linear", Value, _ => (double[])c.Clone());
    }

    /// <summary>Softmax cross-entropy of the logits for class <paramref name="target"/>: L = -log p_D, dL/ds = p - onehot.</summary>
    public static HeadLoss CrossEntropy(int target)
    {
        static double[] Probabilities(double[] logits)
        {
            double largest = double.NegativeInfinity;
            foreach (double logit in logits) largest = Math.Max(largest, logit);
            var p = new double[logits.Length];
            double total = 0.0;
            for (int k = 0; k < p.Length; k++) total += p[k] = Math.Exp(logits[k] - largest);
            for (int k = 0; k < p.Length; k++) p[k] /= total;
            return p;
        }
        double Value(double[] logits)
        {
            double largest = double.NegativeInfinity;
            foreach (double logit in logits) largest = Math.Max(largest, logit);
            double total = 0.0;
            foreach (double logit in logits) total += Math.Exp(logit - largest);
            return largest + Math.Log(total) - logits[target];
        }
        double[] Gradient(double[] logits)
        {
            double[] p = Probabilities(logits);
            p[target] -= 1.0;
            return p;
        }
        return new HeadLoss($"cross-entropy (class {target})", Value, Gradient);
    }

    /// <summary>
    /// LeNet-5's MAP criterion on the penalties y for class <paramref name="target"/> (LeCun et al., 1998, section
    /// II.C): E = y_D + log(e^-j + sum_i e^-y_i), dE/dy_i = delta_iD - e^-y_i / (e^-j + sum_k e^-y_k).
    /// </summary>
    public static HeadLoss Map(int target, double j = 1.0)
    {
        // Shifted by m = min(j, y_min) so that no exponential underflows to nothing or overflows.
        static double Shift(double[] y, double j)
        {
            double m = j;
            foreach (double value in y) m = Math.Min(m, value);
            return m;
        }
        double Value(double[] y)
        {
            double m = Shift(y, j), total = Math.Exp(-(j - m));
            foreach (double value in y) total += Math.Exp(-(value - m));
            return y[target] - m + Math.Log(total);
        }
        double[] Gradient(double[] y)
        {
            double m = Shift(y, j), total = Math.Exp(-(j - m));
            foreach (double value in y) total += Math.Exp(-(value - m));
            var gradient = new double[y.Length];
            for (int i = 0; i < y.Length; i++) gradient[i] = (i == target ? 1.0 : 0.0) - Math.Exp(-(y[i] - m)) / total;
            return gradient;
        }
        return new HeadLoss($"MAP criterion (class {target}, j = {j})", Value, Gradient);
    }
}
