namespace LeNetGen.Generator.Model;

// The generator (netstandard2.0) cannot reference the runtime (net10.0), so the spec's enums are mirrored here with the
// same names and values; a test reflects over the runtime's enums to keep the two in step (see KnownNames).

internal enum LayerKind { Conv, Pool, Dense, SoftmaxOutput, RbfOutput }

internal enum Act { Identity = 0, Tanh = 1, ScaledTanh = 2, Relu = 3, Sigmoid = 4 }

internal enum PoolKind { Average = 0, Max = 1, Subsample = 2 }

internal enum ElementType { Float = 0, Double = 1 }

internal enum Init { LeCunUniform = 0, HeUniform = 1, XavierUniform = 2, ByActivation = 3 }

internal enum Unroll { Auto = 0, Window = 1, Kernel = 2, Maps = 3, Full = 4 }

internal enum RbfPrototypes { LeNet5Digits = 0, RandomCodes = 1 }

internal enum SpecOrigin { Attributes, Json }
