using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LeNetGen.Samples.Cli;

/// <summary>
/// Prints a network's shape table, as the generator computed it, and what the network predicts, untrained (from its
/// spec's seed), for a 32x32 image of the digit 3 drawn from LeNet-5's 7x12 prototype bitmap.
/// </summary>
internal sealed class SummaryCommand : INetworkAction<int>
{
    public int Run<[DynamicallyAccessedMembers(Pictures.LayerMaps.Constants)] TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>
    {
        Console.WriteLine($"== {Networks.Title(choice)}");
        Console.WriteLine(TNetwork.Summary);
        Console.WriteLine($"input {TNetwork.InputSize} values, output {TNetwork.OutputSize} ({TNetwork.Head}), workspace {TNetwork.WorkspaceSize} values, spec fingerprint 0x{TNetwork.SpecFingerprint:X16}");

        var parameters = new float[TNetwork.ParameterCount];
        TNetwork.InitializeParameters(parameters, seed: 1);
        var workspace = new float[TNetwork.WorkspaceSize];
        var output = new float[TNetwork.OutputSize];
        TNetwork.Forward(parameters, DrawDigit(3), workspace, output);
        Console.WriteLine($"outputs for a drawn 3 ({TNetwork.Head}): {string.Join(" ", Array.ConvertAll(output, v => v.ToString("F3", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"predicted class (untrained): {TNetwork.PredictedClass(output)}");
        Console.WriteLine();
        return 0;
    }

    // The digit's 7x12 bitmap scaled up 4x to 28x48, cropped to its middle 28 rows and centered in 32x32, with the
    // paper's normalization: background -0.1, ink 1.175.
    private static float[] DrawDigit(int digit)
    {
        var image = new float[32 * 32];
        Array.Fill(image, -0.1f);
        string[] rows = DigitBitmaps.Draw(digit).Split('\n');
        for (int y = 0; y < 28; y++)
            for (int x = 0; x < 28; x++)
                if (rows[(y + 10) * DigitBitmaps.Height / 48][x / 4] == 'X') image[(y + 2) * 32 + x + 2] = 1.175f;
        return image;
    }
}
