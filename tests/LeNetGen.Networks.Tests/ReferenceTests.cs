using System.Linq;
using LeNetGen.Reference;
using LeNetGen.TestNetworks;
using Xunit;

namespace LeNetGen.Networks.Tests;

/// <summary>The reference itself, on cases small enough to work out by hand, and against the paper's counts.</summary>
public sealed class ReferenceTests
{
    [Fact]
    public void ConvWithPaddingAndStrideMatchesAHandComputation()
    {
        // 1@2x2 input [1 2; 3 4], zero-padded by 1 to 4x4; kernel 2x2 [1 0; 0 -1], bias 0.5, stride 2 -> 1@2x2.
        var network = new ReferenceNetwork(new Shape(1, 2, 2), new ConvLayer(1, 2, 2, Stride: 2, Padding: 1), new DenseLayer(1));
        double[] parameters = [1, 0, 0, -1, 0.5, /* dense */ 0, 0, 0, 0, 0];
        LayerActivations conv = network.Forward(parameters, [1, 2, 3, 4]).Layers[0];
        // Windows at (0,0) [0 0; 0 1], (0,2) [0 0; 2 0], (2,0) [0 3; 0 0], (2,2) [4 0; 0 0].
        Assert.Equal([-0.5, 0.5, 0.5, 4.5], conv.Sums);
    }

    [Fact]
    public void PoolingMatchesAHandComputation()
    {
        double[] input = [1, 2, 3, 4, 5, 6, 7, 8, 9]; // 1@3x3
        static double[] Pool(PoolLayer layer, double[] x, double[] parameters) =>
            layer.Forward(new Shape(1, 3, 3), x, parameters).Sums;
        Assert.Equal([3, 4, 6, 7], Pool(new PoolLayer(PoolKind.Average, 2, Stride: 1), input, []));
        Assert.Equal([5, 6, 8, 9], Pool(new PoolLayer(PoolKind.Max, 2, Stride: 1), input, []));
        Assert.Equal([12 * 0.5 - 1], Pool(new PoolLayer(PoolKind.Subsample, 2), input, [0.5, -1])); // one window: 1+2+4+5
    }

    /// <summary>
    /// PyTorch's output sizes for MaxPool2d/AvgPool2d (input, kernel, stride, padding, ceil_mode), worked out by hand from
    /// aten's pooling_output_shape: floor or ceil of (in + 2 pad - k) / s, + 1, and in ceil mode one fewer when the last
    /// window would start at or past in + pad.
    /// </summary>
    [Theory]
    [InlineData(5, 2, 2, 0, 2, 3)]   // ceil: windows at 0, 2, 4; the last one clipped to 1 column
    [InlineData(6, 3, 2, 0, 2, 3)]   // ceil: windows at 0, 2, 4 (4..6 clipped to 4..5)
    [InlineData(30, 3, 2, 0, 14, 15)] // the 4x30x26 network written for PyTorch: 14 rows by floor, 15 by ceil
    [InlineData(8, 2, 2, 0, 4, 4)]   // windows that tile: ceil changes nothing
    [InlineData(4, 1, 2, 0, 2, 2)]   // ceil gives 3, but a third window would start at 4, the end: 2
    [InlineData(9, 2, 3, 0, 3, 3)]   // ceil gives 4, but a fourth window would start at 9, the end: 3
    [InlineData(4, 2, 3, 0, 1, 2)]   // ceil: a second window at 3, clipped to 1 row
    [InlineData(4, 3, 2, 1, 2, 3)]   // padded to 6: windows at -1, 1 and, by ceil, 3 (starts inside the input)
    [InlineData(5, 2, 2, 1, 3, 3)]   // padded to 7: ceil gives 4, but a 4th window would start at 5, in the right padding alone: 3
    [InlineData(7, 3, 3, 1, 3, 3)]   // padded to 9: (9 - 3) / 3 = 2 exactly, floor and ceil agree
    public void PoolOutputSidesArePyTorchs(int input, int window, int stride, int padding, int floor, int ceil)
    {
        Assert.Equal(floor, PoolLayer.OutputSide(input, window, stride, padding, ceilMode: false));
        Assert.Equal(ceil, PoolLayer.OutputSide(input, window, stride, padding, ceilMode: true));
    }

    [Fact]
    public void CeilModePoolingClipsTheLastWindowsAndDividesByTheCellsTheyCover()
    {
        double[] input = [1, 2, 3, 4, 5, 6, 7, 8, 9]; // 1@3x3
        static double[] Pool(PoolLayer layer, double[] x) => layer.Forward(new Shape(1, 3, 3), x, []).Sums;
        // Windows 2x2 at rows and columns 0 and 2: [1 2; 4 5], [3; 6], [7 8], [9].
        Assert.Equal([3, 4.5, 7.5, 9], Pool(new PoolLayer(PoolKind.Average, 2, CeilMode: true), input));
        Assert.Equal([5, 6, 8, 9], Pool(new PoolLayer(PoolKind.Max, 2, CeilMode: true), input));
        Assert.Equal([3], Pool(new PoolLayer(PoolKind.Average, 2), input)); // the floor rule: one window
        // Backward through average pooling: each cell gets its window's delta over the window's cells.
        var (_, inputGradients) = new PoolLayer(PoolKind.Average, 2, CeilMode: true).Backward(new Shape(1, 3, 3), input, [], [4, 2, 2, 1]);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1], inputGradients);
        Assert.Throws<System.ArgumentException>(() => new PoolLayer(PoolKind.Subsample, 2, CeilMode: true).OutputShape(new Shape(1, 3, 3)));
    }

    [Fact]
    public void RbfAndSoftmaxHeadsMatchAHandComputation()
    {
        var rbf = new RbfHead(2, [1, 1, -1, 0]);
        Assert.Equal([1 + 4, 1 + 9], rbf.Forward(new Shape(2, 1, 1), [0, 3], []).Values);
        var (logits, probabilities) = new SoftmaxHead(2).Forward(new Shape(1, 1, 1), [2], [1, -1, 0, 0]);
        Assert.Equal([2, -2], logits);
        Assert.Equal(1 / (1 + System.Math.Exp(-4)), probabilities[0], 15);
    }

    [Fact]
    public void ClassicLeNet5LayoutHasThePapersCounts()
    {
        ReferenceNetwork reference = ClassicLeNet5.Reference;
        int[] perLayer = Enumerable.Range(0, 7).Select(i => reference.Layers[i].ParameterCount(reference.InputShapes[i])).ToArray();
        Assert.Equal([156, 12, 1_516, 32, 48_120, 10_164, 0], perLayer);
        Assert.Equal(60_000, reference.ParameterCount);
        Assert.Equal(840, reference.FixedValueCount);
        Assert.Equal(61_706, ModernLeNet5.Reference.ParameterCount);
    }

    [Fact]
    public void TheRuntimesC3TableIsThePapersTable()
    {
        bool[,] paper = PaperTables.LeNet5C3(), runtime = PaperTables.Parse(ConnectionTables.LeNet5C3);
        Assert.Equal(paper, runtime);
        Assert.Equal(60, paper.Cast<bool>().Count(connected => connected));
    }
}
