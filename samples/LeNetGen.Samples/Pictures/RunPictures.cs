using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using LeNetGen.Samples.Cli;

namespace LeNetGen.Samples.Pictures;

/// <summary>The PNGs `train` writes beside its checkpoint and `eval` beside the checkpoint it evaluates.</summary>
internal static class RunPictures
{
    /// <summary>
    /// learning-curve.png, confusion.png, c1-kernels.png and feature-maps.png (test image 0 through C1, S2, C3) into
    /// <paramref name="folder"/>; returns the files written.
    /// </summary>
    public static List<string> AfterTraining<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(string folder, string title, IReadOnlyList<EpochRow> rows, Evaluation final,
        float[] parameters, BatchConverter<float> test) where TNetwork : INetwork<TNetwork, float>
    {
        var written = new List<string>();
        if (rows.Count > 0) Write(folder, "learning-curve.png", LearningCurvePicture.Render(title, rows), written);
        Write(folder, "confusion.png", ConfusionPicture.Render("test confusion matrix: " + ErrorLine(final), final), written);
        if (KernelPicture.Render<TNetwork>("learned C1 kernels", parameters) is byte[] kernels) Write(folder, "c1-kernels.png", kernels, written);
        Write(folder, "feature-maps.png", FeatureMaps<TNetwork>(parameters, test, 0), written);
        return written;
    }

    /// <summary>confusion.png and worst-digits.png into <paramref name="folder"/>; returns the files written.</summary>
    public static List<string> AfterEvaluation<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(string folder, string prefix, Evaluation evaluation, float[] parameters,
        BatchConverter<float> test, Loss loss, int count = 32) where TNetwork : INetwork<TNetwork, float>
    {
        var written = new List<string>();
        Write(folder, prefix + "confusion.png", ConfusionPicture.Render("test confusion matrix: " + ErrorLine(evaluation), evaluation), written);
        List<WorstDigitsPicture.Miss> worst = Worst<TNetwork>(parameters, test, loss, count);
        Write(folder, prefix + "worst-digits.png", WorstDigitsPicture.Render($"the {worst.Count} worst-classified test digits (highest loss first)", test.Dataset, worst), written);
        return written;
    }

    /// <summary>Test image <paramref name="index"/> through C1, S2 and C3.</summary>
    public static byte[] FeatureMaps<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(float[] parameters, BatchConverter<float> images, int index) where TNetwork : INetwork<TNetwork, float>
    {
        var input = new float[TNetwork.InputSize];
        images.FillImage(index, input);
        return FeatureMaps<TNetwork>(parameters, input, images.InputRows, images.InputColumns, $"image {index} of {images.Dataset.Name} (label {images.Dataset.Label(index)})", out _);
    }

    /// <summary>A prepared input through C1, S2 and C3; <paramref name="output"/> receives the network's outputs.</summary>
    public static byte[] FeatureMaps<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(float[] parameters, float[] input, int rows, int columns, string title, out float[] output)
        where TNetwork : INetwork<TNetwork, float>
    {
        var workspace = new float[TNetwork.WorkspaceSize];
        output = new float[TNetwork.OutputSize];
        TNetwork.ForwardSample(parameters, input, workspace, output);
        return FeatureMapPicture.Render<TNetwork>(title, input, rows, columns, workspace);
    }

    /// <summary>The misclassified test digits, highest loss first, at most <paramref name="count"/>.</summary>
    public static List<WorstDigitsPicture.Miss> Worst<TNetwork>(float[] parameters, BatchConverter<float> test, Loss loss, int count)
        where TNetwork : INetwork<TNetwork, float>
    {
        var input = new float[TNetwork.InputSize];
        var workspace = new float[TNetwork.WorkspaceSize];
        var output = new float[TNetwork.OutputSize];
        var gradient = new float[TNetwork.OutputSize];
        var misses = new List<WorstDigitsPicture.Miss>();
        for (int i = 0; i < test.Dataset.Count; i++)
        {
            test.FillImage(i, input);
            TNetwork.ForwardSample(parameters, input, workspace, output);
            int predicted = TNetwork.PredictedClass(output), label = test.Dataset.Label(i);
            if (predicted != label) misses.Add(new(i, label, predicted, loss.Evaluate<float>(output, label, gradient)));
        }
        misses.Sort((a, b) => b.Loss.CompareTo(a.Loss));
        return misses.GetRange(0, Math.Min(count, misses.Count));
    }

    private static string ErrorLine(Evaluation e) => $"{e.ErrorRate:P2} error ({e.Count - e.Correct} of {e.Count:N0} wrong)";

    private static void Write(string folder, string name, byte[] png, List<string> written)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, png);
        written.Add(path);
    }
}
