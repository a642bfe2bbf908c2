using System;
using Xunit;

namespace LeNetGen.Runtime.Tests.Checkpoints;

/// <summary>State is found by name; a missing name or a block of the wrong length is refused with a message saying which.</summary>
public sealed class CheckpointStateTests
{
    [Fact]
    public void EntriesAreFoundByName()
    {
        var state = new CheckpointState<float>();
        state.SetCounter("epoch", 3);
        state.SetCounter("epoch", 4);
        state.SetValue("learning_rate", 0.5);
        state.SetBlock("momentum", [1f, 2f]);

        Assert.Equal(4, state.GetCounter("epoch"));
        Assert.Equal(0.5, state.GetValue("learning_rate"));
        var momentum = new float[2];
        state.CopyBlockTo("momentum", momentum);
        Assert.Equal([1f, 2f], momentum);
    }

    [Fact]
    public void BlocksAreCopiesTheStateOwns()
    {
        float[] momentum = [1f, 2f];
        var state = new CheckpointState<float>();
        state.SetBlock("momentum", momentum);
        momentum[0] = 9f;

        Assert.Equal(1f, state.Blocks["momentum"].Span[0]);
    }

    [Fact]
    public void AMissingBlockIsRefusedNamingThoseThereAre()
    {
        var state = new CheckpointState<float>();
        state.SetBlock("velocity", [1f]);
        state.SetBlock("hkk", [1f]);

        var refusal = Assert.Throws<CheckpointException>(() => state.CopyBlockTo("momentum", new float[1]));

        Assert.Equal(CheckpointProblem.MissingState, refusal.Problem);
        Assert.Equal("The checkpoint has no state block named 'momentum'; its state blocks are: hkk, velocity.", refusal.Message);
    }

    [Fact]
    public void ABlockOfAnotherLengthIsRefused()
    {
        var state = new CheckpointState<double>();
        state.SetBlock("momentum", new double[4]);

        var refusal = Assert.Throws<CheckpointException>(() => state.CopyBlockTo("momentum", new double[5]));

        Assert.Equal(CheckpointProblem.StateLengthMismatch, refusal.Problem);
        Assert.Equal("The checkpoint's state block 'momentum' has the wrong length: expected 5, found 4.", refusal.Message);
    }

    [Fact]
    public void MissingCountersAndValuesAreRefused()
    {
        var state = new CheckpointState<float>();
        state.SetCounter("step", 1);

        var counter = Assert.Throws<CheckpointException>(() => state.GetCounter("epoch"));
        var value = Assert.Throws<CheckpointException>(() => state.GetValue("learning_rate"));

        Assert.Equal(CheckpointProblem.MissingState, counter.Problem);
        Assert.Equal("The checkpoint has no counter named 'epoch'; its counters are: step.", counter.Message);
        Assert.Equal("The checkpoint has no value named 'learning_rate'; its values are: none.", value.Message);
    }

    [Fact]
    public void BadNamesAreRefusedWhenSet()
    {
        var state = new CheckpointState<float>();
        Assert.Throws<ArgumentException>(() => state.SetCounter("", 1));
        Assert.Throws<ArgumentNullException>(() => state.SetValue(null!, 1));
        Assert.Throws<ArgumentException>(() => state.SetBlock(new string('x', CheckpointFormat.MaxNameBytes + 1), [1f]));
        Assert.Throws<ArgumentException>(() => state.SetCounter("lone \uD800 surrogate", 1));
        Assert.Throws<ArgumentException>(() => new Checkpoint<float>(1, [1f], state, "lone \uDC00 surrogate"));
    }
}
