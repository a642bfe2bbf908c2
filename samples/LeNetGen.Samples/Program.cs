using System;
using LeNetGen;
using LeNetGen.Samples.Networks;

// For each sample network: its shape table, and what it predicts (untrained, from its spec's seed) for a 32x32 image
// of the digit 3 drawn from LeNet-5's 7x12 prototype bitmap.
float[] image = DrawDigit(3);
Show<LeNet5>("LeNet-5, classic (attributes)", image);
Show<ModernLeNet5>("LeNet-5, modern (attributes)", image);
Show<TinyNet>("TinyNet (JSON: Networks/TinyNet.lenet.json)", image);
return 0;

static void Show<TNetwork>(string title, float[] image) where TNetwork : INetwork<TNetwork, float>
{
    var parameters = new float[TNetwork.ParameterCount];
    TNetwork.InitializeParameters(parameters, seed: 1);
    var workspace = new float[TNetwork.WorkspaceSize];
    var output = new float[TNetwork.OutputSize];
    TNetwork.Forward(parameters, image, workspace, output);

    Console.WriteLine($"== {title}");
    Console.WriteLine(TNetwork.Summary);
    Console.WriteLine($"outputs ({TNetwork.Head}): {string.Join(" ", Array.ConvertAll(output, v => v.ToString("F3")))}");
    Console.WriteLine($"predicted class (untrained): {TNetwork.PredictedClass(output)}");
    Console.WriteLine();
}

// The digit's 7x12 bitmap scaled up 4x to 28x48, cropped to its middle 28 rows and centered in 32x32, with the
// paper's normalization: background -0.1, ink 1.175.
static float[] DrawDigit(int digit)
{
    var image = new float[32 * 32];
    Array.Fill(image, -0.1f);
    string[] rows = DigitBitmaps.Draw(digit).Split('\n');
    for (int y = 0; y < 28; y++)
    {
        for (int x = 0; x < 28; x++)
        {
            int row = (y + 10) * DigitBitmaps.Height / 48, column = x / 4;
            if (rows[row][column] == 'X') image[(y + 2) * 32 + x + 2] = 1.175f;
        }
    }
    return image;
}
