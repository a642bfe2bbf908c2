using System;
using System.Globalization;
using LeNetGen;

// `train PATH`: trains Trainee for one pass over a small synthetic set, saves it to PATH, prints its answers.
// `baked`: prints the answers of Baked, whose parameters the build compiled in from that checkpoint; it reads no file.
var images = Synthetic();
var data = new BatchConverter<float>(images, ImageNormalization.UnitInterval, Trainee.InputHeight, Trainee.InputWidth);
switch (args[0])
{
    case "train":
        var trainee = new Trainee();
        var trainer = new Trainer<Trainee, float>(trainee.Parameters, new SgdOptimizer<float>(Trainee.ParameterCount),
            Loss.For(Trainee.Head), batchSize: 8, seed: 1, threads: 1);
        trainer.TrainEpoch(data);
        trainee.Save(args[1]);
        Print(trainee.Parameters, (p, input, output) => { var n = new Trainee(); p.CopyTo(n.Parameters, 0); n.Forward(input, new Trainee.Workspace(), output); return n.Predict(input, new Trainee.Workspace()); });
        break;
#if BAKED
    case "baked":
        var baked = Baked.CreateTrained();
        Print(baked.Parameters, (_, input, output) => { baked.Forward(input, new Baked.Workspace(), output); return baked.Predict(input, new Baked.Workspace()); });
        break;
#endif
    default:
        throw new ArgumentException("train PATH or baked");
}

// Every parameter's and output's bits, and each prediction, for the first 16 images.
void Print(float[] parameters, Func<float[], float[], float[], int> run)
{
    ulong hash = 0xCBF29CE484222325UL;
    foreach (float p in parameters) { hash ^= (uint)BitConverter.SingleToInt32Bits(p); hash *= 0x100000001B3UL; }
    Console.WriteLine($"parameters {parameters.Length}, hash {hash:X16}");
    var input = new float[Trainee.InputSize];
    var output = new float[Trainee.OutputSize];
    for (int i = 0; i < 16; i++)
    {
        data.FillImage(i, input);
        int predicted = run(parameters, input, output);
        Console.WriteLine($"image {i}: predicted {predicted}, outputs " + string.Join(" ", Array.ConvertAll(output, o => BitConverter.SingleToInt32Bits(o).ToString("X8", CultureInfo.InvariantCulture))));
    }
}

// 64 images of 12x12: class k is a bar in row (or column) k, with a little deterministic noise.
static Dataset Synthetic()
{
    const int Count = 64, Side = 12;
    var pixels = new byte[Count * Side * Side];
    var labels = new byte[Count];
    for (int n = 0; n < Count; n++)
    {
        int label = n % 10;
        labels[n] = (byte)label;
        for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
            {
                bool bar = label < 5 ? y == 1 + 2 * label : x == 1 + 2 * (label - 5);
                pixels[(n * Side + y) * Side + x] = (byte)(bar ? 255 : (n * 31 + y * 7 + x * 13) % 40);
            }
    }
    return new Dataset("synthetic bars", Side, Side, 10, pixels, labels);
}

/// <summary>The network that is trained.</summary>
[Network(Input = "1x12x12", Seed = 7)]
[Conv(4, Kernel = 5, Activation = Act.Relu)]
[Pool(PoolKind.Max, 2)]
[SoftmaxOutput(10)]
public partial class Trainee { }

#if BAKED
/// <summary>The same spec, with the trained checkpoint compiled in (another class name and seed: same fingerprint).</summary>
[Network(Input = "1x12x12", Seed = 99, Weights = "trained.lngckpt")]
[Conv(4, Kernel = 5, Activation = Act.Relu)]
[Pool(PoolKind.Max, 2)]
[SoftmaxOutput(10)]
public partial class Baked { }
#endif
