using System;

namespace LeNetGen.Samples.Cli;

/// <summary>Prints a network's shape table, as the generator computed it.</summary>
internal sealed class SummaryCommand : INetworkAction<int>
{
    public int Run<TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>
    {
        Console.WriteLine($"== {Networks.Title(choice)}");
        Console.WriteLine(TNetwork.Summary);
        Console.WriteLine($"input {TNetwork.InputSize} values, output {TNetwork.OutputSize} ({TNetwork.Head}), workspace {TNetwork.WorkspaceSize} values, spec fingerprint 0x{TNetwork.SpecFingerprint:X16}");
        Console.WriteLine();
        return 0;
    }
}
