using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LeNetGen.EndToEnd.Tests;

/// <summary>
/// The package as a stranger meets it: `dotnet pack` into a local feed in a temporary folder, then consumers in that
/// folder, outside the repository, that reference LeNetGen with one PackageReference and nothing else, restored into
/// their own package folder from that feed alone. The README's "Use it in your app" program, taken from the README as
/// it stands, builds without warnings and trains, saves, loads and predicts; a spec error fails a consumer's build,
/// located, in C# and in a *.lenet.json the project never lists.
/// </summary>
[Collection(nameof(BuildTests))]
public sealed class PackageTests : IClassFixture<PackageTests.LocalFeed>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15); // a guard against a hang, not a timing: builds on a loaded 2-core machine take minutes
    private readonly LocalFeed _feed;

    public PackageTests(LocalFeed feed) => _feed = feed;

    [Fact]
    public void ThePackageHoldsTheRuntimeTheGeneratorTheBuildFilesTheSchemaAndTheLicense()
    {
        using ZipArchive package = ZipFile.OpenRead(_feed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        foreach (string expected in new[]
        {
            "lib/net10.0/LeNetGen.Runtime.dll", "lib/net10.0/LeNetGen.Runtime.xml", "analyzers/dotnet/cs/LeNetGen.Generator.dll",
            "analyzers/dotnet/cs/LeNetGen.CodeFixes.dll",
            "build/LeNetGen.props", "build/LeNetGen.targets", "buildTransitive/LeNetGen.props", "buildTransitive/LeNetGen.targets",
            "schema/lenet.schema.json", "README.md", "LICENSE",
        })
            Assert.Contains(expected, entries);
        // The generator and the code fixes are not libraries of the app, and nothing else is a dependency; Roslyn's own
        // assemblies (Workspaces, which the code fixes use) come from the IDE and are not packed.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal)
            && (e.Contains("Generator", StringComparison.Ordinal) || e.Contains("CodeFixes", StringComparison.Ordinal)));
        Assert.Equal(new[] { "analyzers/dotnet/cs/LeNetGen.CodeFixes.dll", "analyzers/dotnet/cs/LeNetGen.Generator.dll" },
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        string nuspec = Read(package, "LeNetGen.nuspec");
        Assert.Contains("<id>LeNetGen</id>", nuspec);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.Matches("<repository type=\"git\" [^>]*commit=\"[0-9a-f]{40}\"", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);
        Assert.Equal(File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "generator", "docs", "lenet.schema.json")),
            Read(package, "schema/lenet.schema.json"));
        Assert.StartsWith("MIT License", Read(package, "LICENSE"));
    }

    [Fact]
    public void ThePackagesAssembliesComeOutTheSameBitForBitWhenBuiltAgain()
    {
        // Deterministic builds: the same sources give the same runtime, generator and code fixes, whoever builds them when.
        var (exitCode, output) = DotnetCli.Run("build runtime -c Release --no-incremental -nologo", Timeout);
        Assert.True(exitCode == 0, output);
        using ZipArchive package = ZipFile.OpenRead(_feed.Package);
        foreach (var (entry, built) in new[]
        {
            ("lib/net10.0/LeNetGen.Runtime.dll", "runtime/bin/Release/net10.0/LeNetGen.Runtime.dll"),
            ("analyzers/dotnet/cs/LeNetGen.Generator.dll", "generator/bin/Release/netstandard2.0/LeNetGen.Generator.dll"),
            ("analyzers/dotnet/cs/LeNetGen.CodeFixes.dll", "generator/CodeFixes/bin/Release/netstandard2.0/LeNetGen.CodeFixes.dll"),
        })
        {
            using var packed = new MemoryStream();
            using (Stream stream = package.GetEntry(entry)!.Open()) stream.CopyTo(packed);
            Assert.True(packed.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(DotnetCli.RepositoryRoot, built))), entry);
        }
    }

    [Fact]
    public void TheReadmesAppBuildsFromThePackageAndTrainsSavesLoadsAndPredicts()
    {
        string app = _feed.Folder("Digits");
        Run($"new console -o \"{app}\" --no-restore", _feed.Root);
        Run($"add \"{app}\" package LeNetGen", _feed.Root);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeApp());

        string build = Run("build -c Release -nologo", app);
        Assert.Contains("0 Warning(s)", build);
        string output = Run("run -c Release --no-build", app, new Dictionary<string, string> { ["LENETGEN_MNIST"] = Mnist() });

        Assert.Matches(@"pass 1: mean loss \d+\.\d{4}, [\d,]+ images/s", output);
        Match test = Regex.Match(output, @"test:   (accuracy (\d+\.\d\d)% \(([\d,]+) of 10,000\), error \d+\.\d\d%, mean loss \d\.\d{4})");
        Assert.True(test.Success, output);
        Assert.True(double.Parse(test.Groups[2].Value, CultureInfo.InvariantCulture) > 95, output); // one pass trains
        Assert.Contains("loaded: " + test.Groups[1].Value, output);                                // the checkpoint holds it all
        Assert.Contains("test image 0 is a 7; predicted 7", output);
        Assert.True(File.Exists(Path.Combine(app, "digits.lngckpt")));
    }

    [Fact]
    public void ASpecErrorFailsAConsumersBuildWithItsIdFileLineAndColumn()
    {
        string consumer = _feed.Folder("Broken");
        File.WriteAllText(Path.Combine(consumer, "Broken.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LeNetGen" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Network.cs"), """
            using LeNetGen;

            namespace Broken;

            [Network(Input = "1x28x28")]
            [Conv(6, Kernel = 5)]
            [Pool(PoolKind.Max, 2)]
            [Conv(16, Kernel = 5)]
            [Pool(PoolKind.Max, 2)]
            [Conv(120, Kernel = 5)]
            [SoftmaxOutput(10)]
            public partial class TooSmall { }
            """);
        // Not listed in the project: the package's build files hand it to the generator.
        Directory.CreateDirectory(Path.Combine(consumer, "Specs"));
        File.Copy(Path.Combine(DotnetCli.RepositoryRoot, "tests", "LeNetGen.EndToEnd.Tests", "Fixtures", "BrokenSpec", "Broken.lenet.json"),
            Path.Combine(consumer, "Specs", "Broken.lenet.json"));

        var (exitCode, output) = DotnetCli.Run("build -nologo -clp:NoSummary", Timeout, consumer, _feed.Environment);
        Assert.NotEqual(0, exitCode);
        // Line 10 is [Conv(120, Kernel = 5)]; column 21 is its 5: 28x28 is 4x4 by then.
        Assert.Contains("Network.cs(10,21): error LNG0101: Layer 5 (conv 120@5x5): kernel 5x5 does not fit its input 16x4x4", output);
        // The table's second row "X.X." has 4 columns for 3 maps; column 70 of line 5 is its opening quote.
        Assert.Contains(Path.Combine("Specs", "Broken.lenet.json") + "(5,70): error LNG0104", output);
        Assert.DoesNotContain("CS9057", output);
        Assert.DoesNotContain("CS8785", output);

        // With the default turned off, the JSON spec is not a spec any more; the C# one still is.
        var (optedOut, optedOutOutput) = DotnetCli.Run("build -nologo -clp:NoSummary -p:LeNetGenIncludeJsonSpecs=false", Timeout, consumer, _feed.Environment);
        Assert.NotEqual(0, optedOut);
        Assert.Contains("Network.cs(10,21): error LNG0101", optedOutOutput);
        Assert.DoesNotContain("LNG0104", optedOutOutput);

        // LeNetGenVectorWidths reaches the generator through the package, semicolons and all: its targets hand the
        // generator a copy with commas, which the compiler's .editorconfig keeps (it would end the value at ';' and the
        // generator would see "512" alone, a valid value, and report nothing).
        File.WriteAllText(Path.Combine(consumer, "Broken.csproj"), File.ReadAllText(Path.Combine(consumer, "Broken.csproj"))
            .Replace("<TargetFramework>", "<LeNetGenVectorWidths>512;384</LeNetGenVectorWidths>\n    <TargetFramework>", StringComparison.Ordinal));
        var (widths, widthsOutput) = DotnetCli.Run("build -nologo -clp:NoSummary", Timeout, consumer, _feed.Environment);
        Assert.NotEqual(0, widths);
        Assert.Contains("error LNG0304: The MSBuild property LeNetGenVectorWidths is \"512,384\", and '384' is not a vector width", widthsOutput);
        Assert.Contains("Network.cs(10,21): error LNG0101", widthsOutput);
        // From the command line, which wins over the project file and cannot be rewritten, with spaces (MSBuild splits
        // -p: values at ';' and ',').
        var (commandLine, commandLineOutput) = DotnetCli.Run("build -nologo -clp:NoSummary \"-p:LeNetGenVectorWidths=256 96\"", Timeout, consumer, _feed.Environment);
        Assert.NotEqual(0, commandLine);
        Assert.Contains("error LNG0304: The MSBuild property LeNetGenVectorWidths is \"256 96\", and '96' is not a vector width", commandLineOutput);
    }

    /// <summary>The first C# block of the README's "Use it in your app" section, as it stands.</summary>
    internal static string ReadmeApp()
    {
        string readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "README.md"));
        int section = readme.IndexOf("\n## Use it in your app\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no \"Use it in your app\" section");
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = readme.IndexOf("\n```\n", start, StringComparison.Ordinal);
        Assert.True(start > section && end > start && readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal) > end);
        return readme[start..end] + "\n";
    }

    private string Run(string arguments, string folder, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>(_feed.Environment);
        if (extra is not null) foreach (var (name, value) in extra) environment[name] = value;
        var (exitCode, output) = DotnetCli.Run(arguments, Timeout, folder, environment);
        Assert.True(exitCode == 0, $"dotnet {arguments}\n{output}");
        return output;
    }

    private static string Mnist() =>
        Environment.GetEnvironmentVariable("LENETGEN_MNIST") is { Length: > 0 } set
            ? set
            : Path.GetFullPath(Path.Combine(DotnetCli.RepositoryRoot, "..", "shared", "data", "mnist"));

    private static string Read(ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A temporary folder with the package packed into feed/, a NuGet.config whose only source is that feed, and a
    /// package folder of its own (so the LeNetGen just packed is the one restored, never a cached one).
    /// </summary>
    public sealed class LocalFeed : IDisposable
    {
        public LocalFeed()
        {
            Root = Path.Combine(Path.GetTempPath(), "lenetgen-package-" + Guid.NewGuid().ToString("N"));
            string feed = Path.Combine(Root, "feed");
            Directory.CreateDirectory(feed);
            var (exitCode, output) = DotnetCli.Run($"pack runtime -c Release -nologo -warnaserror -o \"{feed}\"", Timeout);
            Assert.True(exitCode == 0, output);
            Package = Directory.GetFiles(feed, "LeNetGen.*.nupkg").Single();
            Version = Path.GetFileNameWithoutExtension(Package)["LeNetGen.".Length..];
            File.WriteAllText(Path.Combine(Root, "NuGet.config"), """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="feed" />
                  </packageSources>
                </configuration>
                """);
            Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };
        }

        public string Root { get; }

        public string Package { get; }

        public string Version { get; }

        public IReadOnlyDictionary<string, string> Environment { get; }

        public string Folder(string name)
        {
            string folder = Path.Combine(Root, name);
            Directory.CreateDirectory(folder);
            return folder;
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
