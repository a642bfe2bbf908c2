using System;
using System.Diagnostics.CodeAnalysis;
using LeNetGen.Samples.Networks;

namespace LeNetGen.Samples.Cli;

/// <summary>The sample networks the command line knows.</summary>
internal enum NetworkChoice
{
    /// <summary>LeNet-5 as the paper has it (attributes): C3 table, subsampling, RBF head.</summary>
    Classic,

    /// <summary>LeNet-5 as trained today (attributes): full C3, max pooling, ReLU, softmax.</summary>
    Modern,

    /// <summary>A small network declared in JSON (Networks/TinyNet.lenet.json).</summary>
    Tiny,

    /// <summary>The peer benchmark's LeNet-5 (../shared/peers/TorchSharpLeNet): tanh, average pooling, softmax; 61,706 parameters.</summary>
    Peer,
}

/// <summary>Something to do with a network, written once for any generated network type.</summary>
internal interface INetworkAction<TResult>
{
    TResult Run<[DynamicallyAccessedMembers(Pictures.LayerMaps.Constants)] TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>;
}

internal static class Networks
{
    /// <summary>Runs <paramref name="action"/> with the generated type of <paramref name="choice"/>: no virtual calls inside.</summary>
    public static TResult Dispatch<TResult>(NetworkChoice choice, INetworkAction<TResult> action) => choice switch
    {
        NetworkChoice.Classic => action.Run<LeNet5>(choice),
        NetworkChoice.Modern => action.Run<ModernLeNet5>(choice),
        NetworkChoice.Tiny => action.Run<TinyNet>(choice),
        NetworkChoice.Peer => action.Run<PeerLeNet5>(choice),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown network."),
    };

    /// <summary>The sample network whose spec fingerprint is <paramref name="fingerprint"/>, or null when none is.</summary>
    public static NetworkChoice? ByFingerprint(ulong? fingerprint) => fingerprint switch
    {
        null => null,
        ulong f when f == LeNet5.SpecFingerprint => NetworkChoice.Classic,
        ulong f when f == ModernLeNet5.SpecFingerprint => NetworkChoice.Modern,
        ulong f when f == TinyNet.SpecFingerprint => NetworkChoice.Tiny,
        _ => null,
    };

    public static string Title(NetworkChoice choice) => choice switch
    {
        NetworkChoice.Classic => "LeNet-5, classic (LeCun et al., 1998; attributes)",
        NetworkChoice.Modern => "LeNet-5, modern (ReLU, max pooling, softmax; attributes)",
        NetworkChoice.Peer => "LeNet-5 of the TorchSharp peer (tanh, average pooling, softmax; attributes)",
        _ => "TinyNet (JSON: Networks/TinyNet.lenet.json)",
    };
}
