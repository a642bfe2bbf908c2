using System.Runtime.CompilerServices;

// The checkpoint tests reach the atomic writer's failure path, the format's layout and the checksum.
[assembly: InternalsVisibleTo("LeNetGen.Runtime.Tests")]
