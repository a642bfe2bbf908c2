using System;
using System.IO;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// Weights compiled into the assembly, through `dotnet build` (the SDK's compiler hands the generator the checkpoint as
/// an additional file): train a network and save its checkpoint, build again with the checkpoint baked into a second
/// network of the same spec, delete the checkpoint, and the baked network answers as the trained one did, bit for bit.
/// </summary>
[Collection(nameof(BuildTests))] // one dotnet build at a time
public sealed class BakedWeightsBuildTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15); // a guard against a hang, not a timing: builds on a loaded 2-core machine take minutes
    private const string Fixture = "tests/LeNetGen.EndToEnd.Tests/Fixtures/BakedWeights";

    [Fact]
    public void ANetworkWithItsCheckpointBakedInPredictsWithoutAnyFileAsTheTrainedNetworkDid()
    {
        string folder = Path.Combine(Path.GetTempPath(), "lenetgen-baked-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string checkpoint = Path.Combine(folder, "trained.lngckpt");
            var (buildExit, buildOutput) = DotnetCli.Run($"build {Fixture} -nologo -warnaserror", Timeout);
            Assert.True(buildExit == 0, buildOutput);
            var (trainExit, trained) = DotnetCli.Run($"run --no-build --project {Fixture} -- train \"{checkpoint}\"", Timeout);
            Assert.True(trainExit == 0, trained);
            Assert.True(File.Exists(checkpoint), trained);
            Assert.Contains("parameters 754, hash ", trained);
            Assert.Equal(16, trained.Split("predicted").Length - 1);

            var (bakeExit, bakeOutput) = DotnetCli.Run($"build {Fixture} -nologo -warnaserror -p:TrainedCheckpoint=\"{checkpoint}\"", Timeout);
            Assert.True(bakeExit == 0, bakeOutput);
            Assert.Contains("0 Warning(s)", bakeOutput);
            Assert.DoesNotContain("CS2015", bakeOutput); // a binary additional file whose text was asked for

            // No file at run time: the checkpoint is gone, and the baked network answers as the trained one did.
            byte[] bytes = File.ReadAllBytes(checkpoint);
            File.Delete(checkpoint);
            var (bakedExit, baked) = DotnetCli.Run($"run --no-build --project {Fixture} -- baked", Timeout);
            Assert.True(bakedExit == 0, baked);
            Assert.Equal(trained, baked);

            // A truncated checkpoint fails the build, located at the Weights argument: Program.cs line 74, column 50 is
            // the opening quote of "trained.lngckpt".
            File.WriteAllBytes(checkpoint, bytes.AsSpan(0, bytes.Length - 100).ToArray());
            var (truncatedExit, truncatedOutput) = DotnetCli.Run($"build {Fixture} -nologo -p:TrainedCheckpoint=\"{checkpoint}\"", Timeout);
            Assert.NotEqual(0, truncatedExit);
            Assert.Contains($"Program.cs(74,50): error LNG0403: Network 'Baked': cannot bake 'trained.lngckpt' into the assembly: the file is truncated: " +
                $"it ends at byte {bytes.Length - 100} but the header promises {bytes.Length}; save the checkpoint again", truncatedOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
