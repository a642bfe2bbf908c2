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

// Exit codes: 0 done; 1 the command line is wrong (a message and the usage on stderr); 2 an input was refused (data,
// checkpoint, image, a file that cannot be read or written); 3 the run diverged or collapsed; 130 stopped by Ctrl+C
// (the checkpoint saved first).
Terminal.Configure();

var network = new Option<NetworkChoice>("--network", "-n") { Description = "classic (the paper's LeNet-5), modern, tiny (JSON), or peer (the TorchSharp peer's LeNet-5)", DefaultValueFactory = _ => NetworkChoice.Classic };
var dataset = new Option<string>("--dataset") { Description = "mnist or fashion (Fashion-MNIST)", DefaultValueFactory = _ => "mnist" };
dataset.AcceptOnlyFromAmong("mnist", "fashion", "fashion-mnist");
var dataPath = new Option<string?>("--data") { Description = "the folder of the four IDX files; default: $LENETGEN_MNIST, ./data/mnist beside the program, then ../shared/data/mnist upwards" };
var seed = NumberOption.Create<ulong>("--seed", "seed of initialization and sample order", _ => null, defaultValue: 1);
var threads = NumberOption.Create<int>("--threads", "threads (0: one per processor)", v => v < 0 ? "must be 0 (one per processor) or more" : null, defaultValue: 0);
var epochs = NumberOption.Create<int>("--epochs", "passes over the training set in all, a resumed run's included [default: 2]", v => v < 1 ? "must be 1 or more" : null);
var batch = NumberOption.Create<int>("--batch", "samples per update [default: classic 1, as the paper; modern and tiny 64]", v => v < 1 ? "must be 1 or more" : null);
var optimizer = new Option<string?>("--optimizer") { Description = "sgd or sdlm (stochastic diagonal Levenberg-Marquardt) [default: classic sdlm, modern and tiny sgd]" };
optimizer.AcceptOnlyFromAmong("sgd", "sdlm");
var rate = NumberOption.Create<double>("--lr", "learning rate (SDLM: the global eta) [default: classic 0.0005, modern 0.01, tiny 0.05]", v => v > 0 && double.IsFinite(v) ? null : "must be a positive number");
var momentum = NumberOption.Create<double>("--momentum", "SGD momentum, from 0 to below 1 [default: classic 0, modern and tiny 0.9]", v => v is >= 0 and < 1 ? null : "must be from 0 to below 1");
var weightDecay = NumberOption.Create<double>("--weight-decay", "SGD L2 weight decay [default: 0]", v => v >= 0 && double.IsFinite(v) ? null : "must be 0 or more");
var schedule = new Option<string?>("--schedule") { Description = "paper, constant, cosine or step [default: classic paper (constant when --lr is given), modern and tiny cosine]" };
schedule.AcceptOnlyFromAmong("paper", "constant", "cosine", "step");
var normalization = new Option<string?>("--normalization") { Description = "paper (-0.1 background, 1.175 ink), meanstd or unit [default: train: classic paper, modern and tiny meanstd; eval and predict: the checkpoint's]" };
normalization.AcceptOnlyFromAmong("paper", "meanstd", "unit");
var loss = new Option<LossKind?>("--loss") { Description = "SoftmaxCrossEntropy, Map or SquaredDistance [default: classic Map, modern and tiny SoftmaxCrossEntropy]" };
var mu = NumberOption.Create<double>("--mu", "SDLM's mu in eta / (mu + h_kk) (paper: 0.02) [default: 0.2]", v => v > 0 && double.IsFinite(v) ? null : "must be a positive number");
var mapConstant = NumberOption.Create<double>("--map-j", "j of the MAP criterion [default: 1]", v => v > 0 && double.IsFinite(v) ? null : "must be a positive number");
var curvatureEvery = NumberOption.Create<int>("--curvature-every", "SDLM: update the running average of h_kk every N samples during the pass (0: only the estimate before each pass) [default: classic 4]", v => v < 0 ? "must be 0 or more" : null);
var gamma = NumberOption.Create<double>("--gamma", "SDLM: gamma of the running average h_kk <- (1 - gamma) h_kk + gamma d2E/dw2, above 0 to 1 [default: classic 0.02]", v => v is > 0 and <= 1 ? null : "must be above 0 and at most 1");
var trainLimit = NumberOption.Create<int>("--train-limit", "train on the first N training images only", v => v < 1 ? "must be 1 or more" : null);
var output = new Option<string>("--out") { Description = "where run folders go", DefaultValueFactory = _ => "runs" };
var json = new Option<string?>("--json") { Description = "also write the run's figures to this JSON file" };
var resume = new Option<string?>("--resume") { Description = "continue a run from its checkpoint" };
var checkpointEvery = NumberOption.Create<int>("--checkpoint-every", "also write the checkpoint every N updates (0: after each pass only)", v => v < 0 ? "must be 0 or more" : null, defaultValue: 0);
var distort = new Option<bool>("--distort") { Description = "each pass, move every training image by its own random planar affine map (the paper's distortions: translation, scaling, squeezing, horizontal shearing)" };
var keepGoing = new Option<bool>("--keep-going") { Description = "go on when training collapses to chance instead of stopping with exit code 3" };
var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "a checkpoint written by train", Required = true };
var index = NumberOption.Create<int>("--index", "a test image, by its index [default: 0]", v => v < 0 ? "must be 0 or more" : null);
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
    mu, mapConstant, curvatureEvery, gamma, trainLimit, output, json, resume, checkpointEvery, keepGoing, distort,
};
train.SetAction(r => Guard(() => Networks.Dispatch(r.GetValue(network), new TrainCommand(new TrainSettings(
    r.GetValue(network), r.GetValue(dataset)!, r.GetValue(dataPath), RecipeOf(r), r.GetValue(seed) ?? 1, r.GetValue(threads) ?? 0,
    r.GetValue(trainLimit), r.GetValue(output)!, r.GetValue(json), r.GetValue(resume), r.GetValue(checkpointEvery) ?? 0,
    "lenetgen-samples " + string.Join(' ', args), r.GetValue(keepGoing), r.GetValue(distort))))));

var eval = new Command("eval", "evaluate a checkpoint on the test set") { network, checkpoint, dataset, dataPath, normalization, loss, mapConstant, threads };
eval.SetAction(r => Guard(() => Networks.Dispatch(r.GetValue(network),
    new EvalCommand(r.GetValue(checkpoint)!, r.GetValue(dataset)!, r.GetValue(dataPath), RecipeOf(r), r.GetValue(normalization), r.GetValue(threads) ?? 0))));

var predict = new Command("predict", "predict one test image (--index) or a PNG (--image)") { network, checkpoint, index, image, dataset, dataPath, normalization };
predict.SetAction(r => Guard(() => Networks.Dispatch(r.GetValue(network),
    new PredictCommand(r.GetValue(checkpoint)!, r.GetValue(index), r.GetValue(image), r.GetValue(dataset)!, r.GetValue(dataPath), RecipeOf(r), r.GetValue(normalization)))));

var port = NumberOption.Create<int>("--port", "the port on 127.0.0.1 [default: 5000]", v => v is < 1 or > 65535 ? "must be from 1 to 65535" : null);
var serve = new Command("serve", "a page on localhost to draw a digit on: the prediction as you draw, the ten outputs, the feature maps of C1, S2, C3")
{
    network, checkpoint, normalization, port,
};
serve.SetAction(r => Guard(() => Networks.Dispatch(r.GetValue(network),
    new LeNetGen.Samples.Serve.ServeCommand(r.GetValue(checkpoint)!, r.GetValue(port) ?? 5000, RecipeOf(r), r.GetValue(normalization)))));

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
    r.GetValue(dataPath), r.GetValue(trainLimit), r.GetValue(threads) ?? 0, r.GetValue(json), r.GetValue(quick), r.GetValue(seed) ?? 1))));

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
        Terminal.Error(e.Message);
        return 2;
    }
});

var root = new RootCommand(
    "LeNetGen samples: LeNet-5 generated at build time, trained and run.\n" +
    "Exit codes: 0 done; 1 the command line is wrong; 2 an input was refused (data, checkpoint, image, a file that cannot be " +
    "read or written); 3 the run diverged or collapsed; 130 stopped by Ctrl+C after saving its checkpoint.")
{ train, eval, predict, serve, summary, bench, download };
return root.Parse(args).Invoke();

// Bad input is a message on stderr and exit code 2, not a stack trace.
static int Guard(Func<int> run)
{
    try
    {
        return run();
    }
    catch (CheckpointException e) when (e.Problem == CheckpointProblem.WrongNetwork && Networks.ByFingerprint(e.FileFingerprint) is NetworkChoice owner)
    {
        Terminal.Error($"{e.Message} It is a checkpoint of the {owner.ToString().ToLowerInvariant()} network: use --network {owner.ToString().ToLowerInvariant()}.");
        return 2;
    }
    catch (Exception e) when (e is DatasetFormatException or CheckpointException or IOException or UnauthorizedAccessException
                                 or ArgumentException or InvalidDataException)
    {
        Terminal.Error(e.Message);
        return 2;
    }
}
