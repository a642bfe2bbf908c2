using System;
using System.Linq;
using Xunit;
using Model = LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Tests;

/// <summary>
/// The generator cannot reference the runtime, so it names the runtime's types in strings and mirrors its enums; these
/// tests keep both honest against the runtime assembly itself.
/// </summary>
public sealed class KnownNamesTests
{
    [Theory]
    [InlineData(KnownNames.NetworkAttribute, typeof(NetworkAttribute))]
    [InlineData(KnownNames.ConvAttribute, typeof(ConvAttribute))]
    [InlineData(KnownNames.PoolAttribute, typeof(PoolAttribute))]
    [InlineData(KnownNames.DenseAttribute, typeof(DenseAttribute))]
    [InlineData(KnownNames.SoftmaxOutputAttribute, typeof(SoftmaxOutputAttribute))]
    [InlineData(KnownNames.RbfOutputAttribute, typeof(RbfOutputAttribute))]
    public void AttributeNamesAreTheRuntimes(string name, Type type) => Assert.Equal(type.FullName, name);

    [Theory]
    [InlineData(KnownNames.INetwork, typeof(INetwork<,>))]
    [InlineData(KnownNames.OutputHead, typeof(OutputHead))]
    [InlineData(KnownNames.Activations, typeof(Activations))]
    [InlineData(KnownNames.SeededRandom, typeof(SeededRandom))]
    [InlineData(KnownNames.RbfPrototypeValues, typeof(RbfPrototypeValues))]
    [InlineData(KnownNames.RbfPrototypes, typeof(RbfPrototypes))]
    [InlineData(KnownNames.LengthGuard, typeof(LengthGuard))]
    [InlineData(KnownNames.Checkpoint, typeof(Checkpoint<>))]
    public void TypesNamedInGeneratedCodeAreTheRuntimes(string name, Type type)
    {
        string fullName = type.FullName!;
        int arity = fullName.IndexOf('`');
        Assert.Equal("global::" + (arity < 0 ? fullName : fullName.Substring(0, arity)), name);
    }

    [Theory]
    [InlineData(typeof(Act), typeof(Model.Act))]
    [InlineData(typeof(PoolKind), typeof(Model.PoolKind))]
    [InlineData(typeof(ElementType), typeof(Model.ElementType))]
    [InlineData(typeof(Init), typeof(Model.Init))]
    [InlineData(typeof(Unroll), typeof(Model.Unroll))]
    [InlineData(typeof(RbfPrototypes), typeof(Model.RbfPrototypes))]
    public void MirroredEnumsHaveTheRuntimesNamesAndValues(Type runtime, Type mirror)
    {
        var expected = Enum.GetNames(runtime).Select(n => (n, Convert.ToInt32(Enum.Parse(runtime, n))));
        var actual = Enum.GetNames(mirror).Select(n => (n, Convert.ToInt32(Enum.Parse(mirror, n))));
        Assert.Equal(expected.OrderBy(p => p.Item2), actual.OrderBy(p => p.Item2));
    }

    [Fact]
    public void TheLeNet5C3PresetOfBothFrontEndsIsTheRuntimesTable()
    {
        string[] runtimeRows = ConnectionTables.LeNet5C3.Split('\n');
        Assert.Equal(runtimeRows, Parse.Json.JsonSpecVocabulary.LeNet5C3Rows);
    }
}
