using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;

namespace LeNetGen.Generator.Check;

/// <summary>The checker's verdict: a plan when the spec has no error, and every diagnostic found (front end and checker).</summary>
internal sealed record CheckResult(NetworkPlan? Plan, EquatableArray<DiagnosticInfo> Diagnostics);
