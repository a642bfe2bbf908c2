using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using LeNetGen;
using LeNetGen.Samples.Cli;
using LeNetGen.Samples.Cli.Bench;
using Spectre.Console;

// The LeNetGen samples: train, evaluate and run the classic and modern LeNet-5 (declared with attributes) and a small
// network declared in JSON, all generated at build time. `summary` prints their shape tables; `bench` measures their
// speed (and that of the TorchSharp peer's network) against this machine's measured FP32 peak.

var network = new Option<NetworkChoice>("--network", "-n") { Description = "classic (the paper's LeNet-5), modern, tiny (JSON), or peer (the TorchSharp peer's LeNet-5)", DefaultValueFactory = _ => NetworkChoice.Classic };
var dataset = new Option<string>("--dataset") { Description = "mnist or fashion", DefaultValueFactory = _ => "mnist" };
var dataPath = new Option<string?>("--data") { Description = "the folder of the four IDX files; default: $LENETGEN_MNIST, ./data/mnist beside the program, then ../shared/data/mnist upwards" };
var seed = new Option<ulong>("--seed") { Description = "seed of initialization and sample order", DefaultValueFactory = _ => 1 };
var threads = new Option<int>("--threads") { Description = "threads (0: one per processor)", DefaultValueFactory = _ => 0 };
var epochs = new Option<int?>("--epochs") { Description = "passes over the training set (default: classic 2, modern 2)" };
var batch = new Option<int?>("--batch") { Description = "samples per update (default: classic 1, as the paper; modern 64)" };
var optimizer = new Option<string?>("--optimizer") { Description = "sgd or sdlm (stochastic diagonal Levenberg-Marquardt)" };
var rate = new Option<double?>("--lr") { Description = "learning rate (SDLM: the global eta)" };
var momentum = new Option<double?>("--momentum") { Description = "SGD momentum" };
var weightDecay = new Option<double?>("--weight-decay") { Description = "SGD L2 weight decay" };
var schedule = new Option<string?>("--schedule") { Description = "paper, constant, cosine or step" };
var normalization = new Option<string?>("--normalization") { Description = "paper (-0.1 background, 1.175 ink), meanstd or unit" };
var loss = new Option<LossKind?>("--loss") { Description = "SoftmaxCrossEntropy, Map or SquaredDistance" };
var mu = new Option<double?>("--mu") { Description = "SDLM's mu in eta / (mu + h_kk) (paper: 0.02)" };
var mapConstant = new Option<double?>("--map-j") { Description = "j of the MAP criterion (default 1)" };
var curvatureEvery = new Option<int?>("--curvature-every") { Description = "SDLM: update the running average of h_kk every N samples during the pass (0: only the estimate before each pass)" };
var gamma = new Option<double?>("--gamma") { Description = "SDLM: gamma of the running average h_kk <- (1 - gamma) h_kk + gamma d2E/dw2" };
var trainLimit = new Option<int?>("--train-limit") { Description = "train on the first N training images only" };
var output = new Option<string>("--out") { Description = "where run folders go", DefaultValueFactory = _ => "runs" };
var json = new Option<string?>("--json") { Description = "also write the run's figures to this JSON file" };
var resume = new Option<string?>("--resume") { Description = "continue a run from its checkpoint" };
var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "also write the checkpoint every N updates (0: after each pass only)", DefaultValueFactory = _ => 0 };
var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "a checkpoint written by train", Required = true };
var index = new Option<int?>("--index") { Description = "a test image, by its index" };
var image = new Option<string?>("--image") { Description = "a PNG of a digit, prepared as MNIST's were" };

Recipe RecipeOf(ParseResult r)
{
    Recipe d = Recipe.For(r.GetValue(network));
    return d with
    {
        Optimizer = r.GetValue(optimizer) ?? d.Optimizer,
        LearningRate = r.GetValue(rate) ?? d.LearningRate,
        Momentum = r.GetValue(momentum) ?? d.Momentum,
        WeightDecay = r.GetValue(weightDecay) ?? d.WeightDecay,
        BatchSize = r.GetValue(batch) ?? d.BatchSize,
        Epochs = r.GetValue(epochs) ?? d.Epochs,
        Schedule = r.GetValue(schedule) ?? (r.GetValue(rate) is null ? d.Schedule : d.Schedule == "paper" ? "constant" : d.Schedule),
        Normalization = r.GetValue(normalization) ?? d.Normalization,
        Loss = r.GetValue(loss) ?? d.Loss,
        Mu = r.GetValue(mu) ?? d.Mu,
        MapConstant = r.GetValue(mapConstant) ?? d.MapConstant,
        CurvatureEvery = r.GetValue(curvatureEvery) ?? d.CurvatureEvery,
        CurvatureDecay = r.GetValue(gamma) ?? d.CurvatureDecay,
    };
}

var train = new Command("train", "train a network on MNIST or Fashion-MNIST, evaluate it after each pass, write a run folder")
{
    network, dataset, dataPath, seed, threads, epochs, batch, optimizer, rate, momentum, weightDecay, schedule, normalization, loss,
    mu, mapConstant, curvatureEvery, gamma, trainLimit, output, json, resume, checkpointEvery,
};
train.SetAction(r => Guard(() => Networks.Dispatch(r.GetValue(network), new TrainCommand(new TrainSettings(
    r.GetValue(network), r.GetValue(dataset)!, r.GetValue(dataPath), RecipeOf(r), r.GetValue(seed), r.GetValue(threads),
    r.GetValue(trainLimit), r.GetValue(output)!, r.GetValue(json), r.GetValue(resume), r.GetValue(checkpointEvery),
    "lenetgen-samples " + string.Join(' ', args))))));

var eval = new Command("eval", "evaluate a checkpoint on the test set") { network, checkpoint, dataset, dataPath, normalization, loss, mapConstant, threads };
eval.SetAction(r => Guard(() => Networks.Dispatch(r.GetValue(network),
    new EvalCommand(r.GetValue(checkpoint)!, r.GetValue(dataset)!, r.GetValue(dataPath), RecipeOf(r), r.GetValue(threads)))));

var predict = new Command("predict", "predict one test image (--index) or a PNG (--image)") { network, checkpoint, index, image, dataset, dataPath, normalization };
predict.SetAction(r => Guard(() => Networks.Dispatch(r.GetValue(network),
    new PredictCommand(r.GetValue(checkpoint)!, r.GetValue(index), r.GetValue(image), r.GetValue(dataset)!, r.GetValue(dataPath), RecipeOf(r)))));

var summary = new Command("summary", "print the shape tables of the sample networks") { };
summary.SetAction(_ =>
{
    foreach (NetworkChoice choice in Enum.GetValues<NetworkChoice>()) Networks.Dispatch(choice, new SummaryCommand());
    return 0;
});

var benchNetwork = new Option<NetworkChoice?>("--network", "-n") { Description = "measure only this network (default: classic, modern and peer)" };
var benchBatches = new Option<int[]>("--batch") { Description = "training batch sizes, one epoch each", DefaultValueFactory = _ => [64, 256], AllowMultipleArgumentsPerToken = true };
var quick = new Option<bool>("--quick") { Description = "short loops for a smoke test (not for figures)" };
var bench = new Command("bench", "measure training and inference speed: images/s, latency, GFLOP/s and the share of this machine's FP32 peak")
{
    benchNetwork, benchBatches, dataPath, trainLimit, threads, json, quick, seed,
};
bench.SetAction(r => Guard(() => BenchCommand.Run(new BenchSettings(
    r.GetValue(benchNetwork) is NetworkChoice one ? [one] : [NetworkChoice.Classic, NetworkChoice.Modern, NetworkChoice.Peer],
    r.GetValue(benchBatches) is { Length: > 0 } batches ? batches : [64, 256],
    r.GetValue(dataPath), r.GetValue(trainLimit), r.GetValue(threads), r.GetValue(json), r.GetValue(quick), r.GetValue(seed)))));

var folder = new Option<string?>("--to") { Description = "the folder to download into (default: data/mnist beside the program, where train looks)" };
var download = new Command("download", "download MNIST from the usual mirrors, checking each file's SHA-256") { folder };
download.SetAction(async (r, _) =>
{
    try
    {
        return await DownloadCommand.RunAsync(r.GetValue(folder));
    }
    catch (Exception e) when (e is System.Net.Http.HttpRequestException or IOException or TaskCanceledException)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
        return 2;
    }
});

var root = new RootCommand("LeNetGen samples: LeNet-5 generated at build time, trained and run") { train, eval, predict, summary, bench, download };
return root.Parse(args).Invoke();

// Bad input is a message, not a stack trace.
static int Guard(Func<int> run)
{
    try
    {
        return run();
    }
    catch (Exception e) when (e is DatasetFormatException or CheckpointException or FileNotFoundException or DirectoryNotFoundException
                                 or ArgumentException or InvalidDataException)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
        return 2;
    }
}
