using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LeNetGen.Generator.Diagnostics;
using LeNetGen.Generator.Model;
using D = LeNetGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace LeNetGen.Generator.Check;

/// <summary>
/// The one place where shapes are computed. A pure function from a spec to a plan: it walks the layers in order,
/// carrying the shape each layer receives, and either computes that layer's output shape, parameter and workspace
/// offsets, connection count and layout, or reports what does not fit, naming the layer, the shape it receives,
/// the chain of shapes that led there and what would fit. It reports every problem of a spec in one pass: after an
/// error it goes on with what it still knows (an unknown shape stops only the checks that need it).
/// </summary>
internal static class ShapeChecker
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static CheckResult Check(FrontEndResult frontEnd)
    {
        var diagnostics = new List<DiagnosticInfo>(frontEnd.Diagnostics);
        NetworkSpec? spec = frontEnd.Spec;
        if (spec is null) return new CheckResult(null, diagnostics.ToEquatableArray());

        // A value the front end already rejected (wrong type, missing, out of range) reached the checker as a stand-in
        // (a default, or int.MaxValue for an integer beyond the int range); what the checker says about that same token
        // repeats the front end's error, so it is dropped, and layer descriptions leave the stand-in out.
        var rejected = new HashSet<LocationInfo>(frontEnd.Diagnostics.Where(d => d.Location is not null && IsError(d)).Select(d => d.Location!));

        var state = new Walk(spec, diagnostics, rejected);
        NetworkPlan? plan = state.Run();

        for (int i = diagnostics.Count - 1; i >= frontEnd.Diagnostics.Count; i--)
            if (diagnostics[i].Location is LocationInfo at && rejected.Contains(at)) diagnostics.RemoveAt(i);

        bool failed = diagnostics.Any(IsError);
        return new CheckResult(failed ? null : plan, diagnostics.ToEquatableArray())
        {
            Location = spec.Location,
            UnrollLocations = state.UnrollLocations.ToEquatableArray(),
            WeightsLocation = spec.WeightsLocation ?? spec.Location,
            LayerLocations = state.LayerLocations.ToEquatableArray(),
            NetworkLocation = spec.NetworkLocation ?? spec.Location,
        };
    }

    private static bool IsError(DiagnosticInfo diagnostic) => diagnostic.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error;

    /// <summary>The file name of a path, without System.IO (which may throw on some compiler hosts).</summary>
    public static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);

    /// <summary>Parses "CxHxW" (spaces allowed around the numbers); false when it is not three integers.</summary>
    public static bool TryParseInput(string text, out long maps, out long height, out long width)
    {
        maps = height = width = 0;
        string[] parts = text.Split('x', 'X');
        if (parts.Length != 3) return false;
        return long.TryParse(parts[0].Trim(), NumberStyles.AllowLeadingSign, Inv, out maps)
            && long.TryParse(parts[1].Trim(), NumberStyles.AllowLeadingSign, Inv, out height)
            && long.TryParse(parts[2].Trim(), NumberStyles.AllowLeadingSign, Inv, out width);
    }

    private sealed class Walk
    {
        private readonly NetworkSpec _spec;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly List<LayerPlan> _layers = new();
        private readonly List<LocationInfo?> _unrollLocations = new();
        private readonly List<LocationInfo?> _layerLocations = new();
        private readonly StringBuilder _chain = new();
        private int _parameters;
        private int _fixedValues;
        private long _workspace;
        private bool _workspaceReported;
        /// <summary>The kind of the layer before the one being checked, whether it passed its checks or not.</summary>
        private LayerKind? _previousKind;

        private readonly HashSet<LocationInfo> _rejected;

        public Walk(NetworkSpec spec, List<DiagnosticInfo> diagnostics, HashSet<LocationInfo> rejected)
        {
            _spec = spec;
            _diagnostics = diagnostics;
            _rejected = rejected;
        }

        /// <summary>True when the front end rejected the value at <paramref name="at"/> or a part of it (a kernel's item).</summary>
        private bool Rejected(LocationInfo? at) =>
            at is not null && _rejected.Any(r => r.FilePath == at.FilePath && at.Span.Contains(r.Span));

        /// <summary>The layer as <see cref="ShapeChecker.Describe"/> names it, without values the front end rejected.</summary>
        private string Describe(LayerSpec layer) => ShapeChecker.Describe(layer,
            count: !Rejected(layer.CountLocation), kernel: !Rejected(layer.KernelLocation), window: !Rejected(layer.WindowLocation));

        private bool Json => _spec.Origin == SpecOrigin.Json;

        /// <summary>For each checked layer, where its unroll depth was written (or the layer, when it was not).</summary>
        public IReadOnlyList<LocationInfo?> UnrollLocations => _unrollLocations;

        /// <summary>For each checked layer, the layer itself.</summary>
        public IReadOnlyList<LocationInfo?> LayerLocations => _layerLocations;

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params object[] args) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? _spec.Location, args));

        /// <summary>LNG0110: the value and the limit written alike (<see cref="MessageNumbers"/>).</summary>
        private void ReportTooLarge(LocationInfo? location, string subject, string what, long value, long limit) =>
            Report(D.SizeTooLarge, location, subject, what, MessageNumbers.Format(value), MessageNumbers.Format(limit));
        /// <summary>A diagnostic with what its code fix needs (see <see cref="FixProperties"/>).</summary>
        private void Report(EquatableArray<(string Name, string Value)> fix, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params object[] args) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? _spec.Location, args) with { Properties = fix });

        public NetworkPlan? Run()
        {
            Shape? current = CheckInput();
            if (current is Shape input) _chain.Append("input ").Append(input);
            Shape inputShape = current ?? default;

            if (_spec.Layers.Count == 0)
            {
                Report(D.EmptyNetwork, _spec.Location, _spec.ClassName,
                    Json ? "{ \"kind\": \"conv\", \"maps\": 6, \"kernel\": 5 }" : "[Conv(6, Kernel = 5)]",
                    Json ? "a last layer of kind \"softmax\" or \"rbf\"" : "[SoftmaxOutput(classes)] or [RbfOutput(classes)]");
                return null;
            }
            if (_spec.Layers.Count > Limits.MaxLayers)
                ReportTooLarge(_spec.Location, "Network '" + _spec.ClassName + "'", "the number of layers", _spec.Layers.Count, Limits.MaxLayers);

            int headPosition = 0;
            string headDescription = "";
            for (int i = 0; i < _spec.Layers.Count; i++)
            {
                LayerSpec layer = _spec.Layers[i];
                int position = layer.Position > 0 ? layer.Position : i + 1;
                string description = Describe(layer);
                // Layers in no defined order (LNG0007): each is checked on its own, receiving an unknown shape.
                if (_spec.LayerOrderUnknown) current = null;
                else if (headPosition != 0)
                    Report(D.LayerAfterOutput, layer.Location, position, description, headPosition, headDescription);
                if (IsHead(layer.Kind) && headPosition == 0)
                {
                    headPosition = position;
                    headDescription = description;
                }
                int checkedLayers = _layers.Count;
                current = CheckLayer(layer, position, description, current);
                if (_layers.Count > checkedLayers)
                {
                    _unrollLocations.Add(layer.UnrollLocation ?? layer.Location);
                    _layerLocations.Add(layer.Location);
                }
                _previousKind = _spec.LayerOrderUnknown ? null : layer.Kind;
            }

            LayerSpec last = _spec.Layers[_spec.Layers.Count - 1];
            if (headPosition == 0 && !_spec.LayerOrderUnknown)
                Report(D.MissingOutputHead, last.Location, _spec.ClassName, last.Position > 0 ? last.Position : _spec.Layers.Count, Describe(last),
                    Json ? "a last layer of kind \"softmax\" or \"rbf\" with its \"classes\"" : "[SoftmaxOutput(classes)] or [RbfOutput(classes)]");

            if (_parameters > Limits.MaxParameters)
                ReportTooLarge(_spec.Location, "Network '" + _spec.ClassName + "'", "the parameter count", _parameters, Limits.MaxParameters);

            if (current is null || _layers.Count != _spec.Layers.Count) return null;
            LayerPlan head = _layers[_layers.Count - 1];
            return new NetworkPlan
            {
                Namespace = _spec.Namespace,
                ClassName = _spec.ClassName,
                FullName = _spec.FullName,
                ContainingTypes = _spec.ContainingTypes,
                HintName = (_spec.Namespace.Length == 0 ? "" : _spec.Namespace + ".")
                    + string.Concat(_spec.ContainingTypes.Select(t => t.Substring(t.LastIndexOf(' ') + 1) + ".")) + _spec.ClassName + ".g.cs",
                SourceDescription = _spec.SourceFile is null ? "attributes" : FileName(_spec.SourceFile),
                Element = _spec.Element,
                Seed = _spec.Seed,
                Init = _spec.Init,
                Input = inputShape,
                Layers = _layers.ToEquatableArray(),
                ParameterCount = _parameters,
                FixedValueCount = _fixedValues,
                WorkspaceSize = (int)_workspace,
                OutputSize = head.Out.Size,
                Head = head.Kind,
                ConnectionCount = _layers.Sum(l => l.Connections),
                Summary = SummaryTable.Write(inputShape, _layers, _parameters, _fixedValues),
                Fingerprint = Fingerprint.Of(_spec.Element, inputShape, _layers),
                Weights = _spec.Weights,
            };
        }

        private Shape? CheckInput()
        {
            if (string.IsNullOrWhiteSpace(_spec.Input))
            {
                Report(D.MissingInput, _spec.Location, _spec.ClassName, Json ? "\"input\": \"1x32x32\"" : "Input = \"1x32x32\"");
                return null;
            }
            if (!TryParseInput(_spec.Input!, out long maps, out long height, out long width))
            {
                Report(D.InvalidInputShape, _spec.InputLocation, _spec.Input!, _spec.ClassName);
                return null;
            }
            bool ok = true;
            foreach ((string name, long value) in new[] { ("channels", maps), ("height", height), ("width", width) })
            {
                if (value < 1)
                {
                    Report(D.InvalidInputShapeValue, _spec.InputLocation, _spec.ClassName, name, value);
                    ok = false;
                }
                else if (value > Limits.MaxDimension)
                {
                    ReportTooLarge(_spec.InputLocation, "Network '" + _spec.ClassName + "'", "input " + name, value, Limits.MaxDimension);
                    ok = false;
                }
            }
            if (ok && maps * height * width > Limits.MaxActivations)
            {
                ReportTooLarge(_spec.InputLocation, "Network '" + _spec.ClassName + "'", "the input size", maps * height * width, Limits.MaxActivations);
                ok = false;
            }
            return ok ? new Shape((int)maps, (int)height, (int)width) : null;
        }

        private static bool IsHead(LayerKind kind) => kind is LayerKind.SoftmaxOutput or LayerKind.RbfOutput;

        // ---- one layer ----------------------------------------------------------------------------------------

        private Shape? CheckLayer(LayerSpec layer, int position, string description, Shape? input)
        {
            return layer.Kind switch
            {
                LayerKind.Conv => CheckConv(layer, position, description, input),
                LayerKind.Pool => CheckPool(layer, position, description, input),
                _ => CheckDenseOrHead(layer, position, description, input),
            };
        }

        /// <summary>Reports LNG0109 or LNG0110 unless <paramref name="value"/> is in [min, Limits]; true when it is.</summary>
        private bool CheckSize(int position, string description, string what, int value, int min, int max, LocationInfo? location, LocationInfo? fallback)
        {
            if (value < min)
            {
                Report(D.NonPositiveSize, location ?? fallback, position, description, what, value, min == 0 ? "0 or more" : "at least " + min.ToString(Inv));
                return false;
            }
            if (value > max)
            {
                ReportTooLarge(location ?? fallback, $"Layer {position} ({description})", what, value, max);
                return false;
            }
            return true;
        }

        private Shape? CheckConv(LayerSpec layer, int position, string description, Shape? input)
        {
            bool ok = CheckSize(position, description, "the number of maps", layer.Count, 1, Limits.MaxDimension, layer.CountLocation, layer.Location);
            if (layer.KernelHeight == 0 && layer.KernelWidth == 0 && layer.KernelLocation is null)
            {
                Report(D.MissingKernel, layer.KernelLocation ?? layer.Location, position, description,
                    Json ? "set \"kernel\": 5 (square) or \"kernel\": [height, width]" : "set Kernel (e.g. Kernel = 5) or both KernelHeight and KernelWidth");
                ok = false;
            }
            else if (layer.KernelHeight == layer.KernelWidth && layer.KernelHeight < 1)
                ok &= CheckSize(position, description, "the kernel size", layer.KernelHeight, 1, Limits.MaxDimension, layer.KernelLocation, layer.Location);
            else
            {
                ok &= CheckSize(position, description, "the kernel height", layer.KernelHeight, 1, Limits.MaxDimension, layer.KernelLocation, layer.Location);
                ok &= CheckSize(position, description, "the kernel width", layer.KernelWidth, 1, Limits.MaxDimension, layer.KernelLocation, layer.Location);
            }
            ok &= CheckSize(position, description, "the stride", layer.Stride, 1, Limits.MaxDimension, layer.StrideLocation, layer.Location);
            ok &= CheckSize(position, description, "the padding", layer.Padding, 0, Limits.MaxPadding, layer.PaddingLocation, layer.Location);

            // A connection table's mistakes leave the layer's output shape known (it does not depend on the table), so
            // the layers after it are still checked.
            bool tableOk = true;
            EquatableArray<EquatableArray<int>> table = EquatableArray<EquatableArray<int>>.Empty;
            if (layer.Connections is ConnectionTableSpec tableSpec)
            {
                if (input is Shape flatCheck && flatCheck.IsFlat && _previousKind is LayerKind.Dense)
                {
                    Report(D.ConnectionTableOnInput, tableSpec.Location ?? layer.Location, position, description, flatCheck.Size);
                    // The table's own mistakes (ragged rows, a wrong character) are still reported; only its rows
                    // cannot be matched to input maps that do not exist.
                    CheckTable(tableSpec, layer, position, description, null, out _);
                    tableOk = false;
                }
                else if (!CheckTable(tableSpec, layer, position, description, input, out table)) tableOk = false;
            }

            if (!ok || input is not Shape shape) return null;

            int paddedHeight = shape.Height + 2 * layer.Padding, paddedWidth = shape.Width + 2 * layer.Padding;
            if (layer.KernelHeight > paddedHeight || layer.KernelWidth > paddedWidth)
            {
                string padded = layer.Padding == 0 ? "" : $", padded by {layer.Padding} to {paddedHeight}x{paddedWidth}";
                // For the code fix: the largest kernel that fits, and the least padding with which this one does.
                int fitPadding = Math.Max((layer.KernelHeight - shape.Height + 1) / 2, (layer.KernelWidth - shape.Width + 1) / 2);
                var fit = new List<(string, long)>
                {
                    (FixProperties.FitKernelHeight, Math.Min(layer.KernelHeight, paddedHeight)),
                    (FixProperties.FitKernelWidth, Math.Min(layer.KernelWidth, paddedWidth)),
                };
                if (fitPadding <= Limits.MaxPadding) fit.Add((FixProperties.FitPadding, fitPadding));
                Report(FixProperties.Of(fit.ToArray()), D.KernelLargerThanInput, layer.KernelLocation ?? layer.Location, position, description,
                    $"{layer.KernelHeight}x{layer.KernelWidth}", shape, padded, _chain.ToString(),
                    $"{Math.Min(layer.KernelHeight, paddedHeight)}x{Math.Min(layer.KernelWidth, paddedWidth)}");
                return null;
            }

            int outHeight = (paddedHeight - layer.KernelHeight) / layer.Stride + 1;
            int outWidth = (paddedWidth - layer.KernelWidth) / layer.Stride + 1;
            // The windows stop short of the last (padded - kernel) % stride rows and columns of the padded input; of
            // those, the last `padding` are zeros the padding added, so only what lies beyond them is real input unread.
            int restHeight = Math.Max(0, (paddedHeight - layer.KernelHeight) % layer.Stride - layer.Padding);
            int restWidth = Math.Max(0, (paddedWidth - layer.KernelWidth) % layer.Stride - layer.Padding);
            if (restHeight != 0 || restWidth != 0)
            {
                Report(D.ConvStrideLeavesRemainder, layer.StrideLocation ?? layer.Location, position, description,
                    $"kernel {layer.KernelHeight}x{layer.KernelWidth}", layer.Stride, Remainder(restHeight, restWidth), shape,
                    $"{paddedHeight}x{paddedWidth} minus the kernel ({paddedHeight - layer.KernelHeight}x{paddedWidth - layer.KernelWidth})");
            }

            var output = new Shape(layer.Count, outHeight, outWidth);
            if (!CheckActivations(position, description, output, layer.Location)) return null;
            if (!tableOk) return Unchecked("C", position, output);

            int kernelArea = layer.KernelHeight * layer.KernelWidth;
            long weightLength;
            var mapStarts = new List<int>();
            var runs = new List<InitRun>();
            if (table.Count > 0)
            {
                long offset = 0;
                for (int m = 0; m < table.Count; m++)
                {
                    mapStarts.Add((int)Math.Min(offset, int.MaxValue));
                    offset += (long)table[m].Count * kernelArea;
                }
                weightLength = offset;
            }
            else weightLength = (long)layer.Count * shape.Maps * kernelArea;

            if (!CheckParameters(position, description, weightLength + layer.Count, layer.Location)) return null;

            int weightOffset = _parameters;
            if (table.Count > 0)
            {
                // One run per group of consecutive maps with the same fan-in.
                int m = 0;
                while (m < table.Count)
                {
                    int end = m;
                    while (end + 1 < table.Count && table[end + 1].Count == table[m].Count) end++;
                    int fanIn = table[m].Count * kernelArea;
                    int length = (end - m + 1) * fanIn;
                    runs.Add(new InitRun(weightOffset + mapStarts[m], length, InitLimit(fanIn, FanOutOfTable(table, shape.Maps, kernelArea), layer.Activation),
                        (end == m ? $"map {m}: fan-in {fanIn}" : $"maps {m}-{end}: fan-in {fanIn}") + RuleNote(layer.Activation)));
                    m = end + 1;
                }
            }
            else
            {
                int fanIn = shape.Maps * kernelArea;
                runs.Add(new InitRun(weightOffset, (int)weightLength, InitLimit(fanIn, layer.Count * kernelArea, layer.Activation), $"fan-in {fanIn}{RuleNote(layer.Activation)}"));
            }

            // Connections as the paper counts them: every weight and bias use, per output position.
            long connections = (weightLength + layer.Count) * outHeight * outWidth;

            return Add(new LayerPlan
            {
                Position = position,
                Name = "C" + position.ToString(Inv),
                Description = description,
                Kind = LayerKind.Conv,
                In = shape,
                Out = output,
                Activation = layer.Activation,
                KernelHeight = layer.KernelHeight,
                KernelWidth = layer.KernelWidth,
                Stride = layer.Stride,
                Padding = layer.Padding,
                Table = table,
                MapWeightStarts = table.Count > 0 ? mapStarts.ToEquatableArray() : EquatableArray<int>.Empty,
                Weights = new WeightLayout(table.Count > 0 ? 0 : shape.Maps * kernelArea, kernelArea, layer.KernelWidth),
                WeightOffset = weightOffset,
                WeightLength = (int)weightLength,
                BiasOffset = weightOffset + (int)weightLength,
                BiasLength = layer.Count,
                InitRuns = runs.ToEquatableArray(),
                Unroll = layer.Unroll,
                Connections = connections,
            }, output);
        }

        private static int FanOutOfTable(EquatableArray<EquatableArray<int>> table, int inputMaps, int kernelArea)
        {
            int pairs = table.Sum(t => t.Count);
            return Math.Max(1, pairs * kernelArea / Math.Max(1, inputMaps));
        }

        private bool CheckTable(ConnectionTableSpec tableSpec, LayerSpec layer, int position, string description, Shape? input,
            out EquatableArray<EquatableArray<int>> table)
        {
            table = EquatableArray<EquatableArray<int>>.Empty;
            bool ok = true;
            int rows = tableSpec.Rows.Count;
            if (rows > Limits.MaxTableSide)
            {
                ReportTooLarge(tableSpec.Location ?? layer.Location, $"Layer {position} ({description})", "the number of connection table rows", rows, Limits.MaxTableSide);
                return false;
            }
            // For the code fix: the full table's size, when both sides are within the limits.
            int fullRows = input is Shape known ? known.Maps : rows;
            var full = layer.Count >= 1 && layer.Count <= Limits.MaxTableSide && fullRows <= Limits.MaxTableSide
                ? FixProperties.Of((FixProperties.TableRows, fullRows), (FixProperties.TableColumns, layer.Count))
                : EquatableArray<(string Name, string Value)>.Empty;
            if (input is Shape shape && rows != shape.Maps)
            {
                Report(full, D.ConnectionTableRows, tableSpec.Location ?? layer.Location, position, description, rows, shape.Maps, _chain.ToString());
                ok = false;
            }
            for (int r = 0; r < rows; r++)
            {
                string row = tableSpec.Rows[r];
                LocationInfo? rowLocation = r < tableSpec.RowLocations.Count ? tableSpec.RowLocations[r] : null;
                if (layer.Count >= 1 && row.Length != layer.Count)
                {
                    Report(full, D.ConnectionTableColumns, rowLocation ?? tableSpec.Location ?? layer.Location, position, description, r, row.Length, layer.Count);
                    ok = false;
                }
                for (int c = 0; c < row.Length; c++)
                {
                    char ch = row[c];
                    if (ch is 'X' or 'x' or '.' or ' ') continue;
                    Report(D.ConnectionTableCharacter, CharacterLocation(rowLocation, row, c) ?? tableSpec.Location ?? layer.Location,
                        position, description, r, c, ch);
                    ok = false;
                }
            }
            if (layer.Count > Limits.MaxTableSide)
            {
                ReportTooLarge(tableSpec.Location ?? layer.Location, $"Layer {position} ({description})", "the number of connection table columns", layer.Count, Limits.MaxTableSide);
                return false;
            }
            if (!ok || layer.Count < 1) return false;

            var inputsOf = new List<EquatableArray<int>>(layer.Count);
            for (int m = 0; m < layer.Count; m++)
            {
                var inputs = new List<int>();
                for (int r = 0; r < rows; r++)
                    if (tableSpec.Rows[r][m] is 'X' or 'x') inputs.Add(r);
                if (inputs.Count == 0)
                {
                    Report(D.OutputMapWithoutInput, tableSpec.Location ?? layer.Location, position, description, m);
                    ok = false;
                }
                inputsOf.Add(inputs.ToEquatableArray());
            }
            if (!ok) return false;
            table = inputsOf.ToEquatableArray();
            return true;
        }

        /// <summary>
        /// The location of one character of a row, when the row's location spans the row's text exactly as written (a
        /// JSON string or a literal without escapes: its span is the text, possibly with quotes around it).
        /// </summary>
        private static LocationInfo? CharacterLocation(LocationInfo? row, string text, int column)
        {
            if (row is null) return null;
            int quote = row.Span.Length - text.Length;
            if (quote != 0 && quote != 2) return row;
            int start = row.Span.Start + quote / 2 + column;
            var line = row.LineSpan.Start;
            if (row.LineSpan.Start.Line != row.LineSpan.End.Line) return row;
            var position = new Microsoft.CodeAnalysis.Text.LinePosition(line.Line, line.Character + quote / 2 + column);
            return new LocationInfo(row.FilePath, new Microsoft.CodeAnalysis.Text.TextSpan(start, 1),
                new Microsoft.CodeAnalysis.Text.LinePositionSpan(position, new Microsoft.CodeAnalysis.Text.LinePosition(position.Line, position.Character + 1)));
        }

        private Shape? CheckPool(LayerSpec layer, int position, string description, Shape? input)
        {
            bool ok = CheckSize(position, description, "the window", layer.Window, 1, Limits.MaxDimension, layer.WindowLocation, layer.Location);
            int stride = layer.Stride == 0 ? layer.Window : layer.Stride;
            if (layer.Stride != 0)
                ok &= CheckSize(position, description, "the stride", layer.Stride, 1, Limits.MaxDimension, layer.StrideLocation, layer.Location);
            // Ceil mode is PyTorch's, for average and max pooling; the paper's subsampling keeps whole windows.
            bool ceilOnSubsampling = layer.CeilMode && layer.PoolKind == PoolKind.Subsample;
            if (ceilOnSubsampling) Report(D.CeilModeOnSubsampling, layer.CeilModeLocation ?? layer.Location, position, description);
            if (!ok || input is not Shape shape) return null;

            // PyTorch's floor rule: windows start every stride while they fit. In ceil mode one more window starts
            // where the floor rule leaves input after the last one, and is clipped to the input's end (none starts at
            // or past the end). Real input left after the last window is unread, with the warning a convolution gets
            // for the same (LNG0111); in ceil mode that can only be left by a stride longer than the window.
            if (layer.Window > shape.Height || layer.Window > shape.Width)
            {
                Report(TilingWindows(shape, layer.Window, layer.Stride), D.PoolWindowLargerThanInput, layer.WindowLocation ?? layer.Location, position, description,
                    $"{layer.Window}x{layer.Window}", shape, _chain.ToString(), Math.Min(shape.Height, shape.Width));
                return null;
            }
            int outHeight = PoolSide(shape.Height, layer.Window, stride, layer.CeilMode);
            int outWidth = PoolSide(shape.Width, layer.Window, stride, layer.CeilMode);
            int restHeight = Math.Max(0, shape.Height - ((outHeight - 1) * stride + layer.Window));
            int restWidth = Math.Max(0, shape.Width - ((outWidth - 1) * stride + layer.Window));
            if (restHeight != 0 || restWidth != 0)
                Report(TilingWindows(shape, layer.Window, layer.Stride), D.ConvStrideLeavesRemainder, layer.StrideLocation ?? layer.WindowLocation ?? layer.Location, position, description,
                    $"window {layer.Window}x{layer.Window}", stride, Remainder(restHeight, restWidth), shape,
                    $"{shape.Height}x{shape.Width} minus the window ({shape.Height - layer.Window}x{shape.Width - layer.Window})");

            var output = new Shape(shape.Maps, outHeight, outWidth);
            EquatableArray<PoolBand> rowBands = PoolBands(shape.Height, outHeight, layer.Window, stride);
            EquatableArray<PoolBand> columnBands = PoolBands(shape.Width, outWidth, layer.Window, stride);
            if (ceilOnSubsampling) return Unchecked("S", position, output);
            bool trainable = layer.PoolKind == PoolKind.Subsample;
            int weightOffset = _parameters;
            var runs = new List<InitRun>();
            if (trainable)
            {
                if (!CheckParameters(position, description, 2L * shape.Maps, layer.Location)) return null;
                int area = layer.Window * layer.Window;
                runs.Add(new InitRun(weightOffset, shape.Maps, InitLimit(area, 1, layer.Activation), $"fan-in {area}{RuleNote(layer.Activation)}"));
            }
            return Add(new LayerPlan
            {
                Position = position,
                Name = "S" + position.ToString(Inv),
                Description = description,
                Kind = LayerKind.Pool,
                In = shape,
                Out = output,
                Activation = layer.Activation,
                PoolKind = layer.PoolKind,
                Window = layer.Window,
                Stride = stride,
                CeilMode = layer.CeilMode,
                RowBands = rowBands,
                ColumnBands = columnBands,
                Weights = trainable ? new WeightLayout(1, 1, 1) : default,
                WeightOffset = weightOffset,
                WeightLength = trainable ? shape.Maps : 0,
                BiasOffset = weightOffset + (trainable ? shape.Maps : 0),
                BiasLength = trainable ? shape.Maps : 0,
                InitRuns = runs.ToEquatableArray(),
                Unroll = layer.Unroll,
                Connections = output.Maps * rowBands.Sum(r => columnBands.Sum(c => (long)r.Count * c.Count * (r.Extent * c.Extent + (trainable ? 1 : 0)))),
            }, output);
        }

        /// <summary>
        /// The output side of pooling <paramref name="extent"/> with windows of <paramref name="window"/> every
        /// <paramref name="stride"/>: (extent - window) / stride + 1 rounded down, or in ceil mode rounded up and then one
        /// fewer when the last window would start at or past the end (the input is not padded). Needs window &lt;= extent.
        /// </summary>
        public static int PoolSide(int extent, int window, int stride, bool ceilMode)
        {
            int travel = extent - window;
            int side = travel / stride + 1;
            if (!ceilMode || travel % stride == 0) return side;
            return side * stride >= extent ? side : side + 1;
        }

        /// <summary>
        /// The output positions along one side in runs of equal window extent: all of them with the whole window, or the
        /// last one apart when its window reaches past the input's end and is clipped (ceil mode).
        /// </summary>
        private static EquatableArray<PoolBand> PoolBands(int extent, int outputs, int window, int stride)
        {
            int lastStart = (outputs - 1) * stride;
            if (lastStart + window <= extent) return new[] { new PoolBand(0, outputs, window) }.ToEquatableArray();
            var clipped = new PoolBand(outputs - 1, 1, extent - lastStart);
            return (outputs == 1 ? new[] { clipped } : new[] { new PoolBand(0, outputs - 1, window), clipped }).ToEquatableArray();
        }

        /// <summary>
        /// For the code fix: the windows of 2 or more, up to the input's smaller side, nearest below and nearest above
        /// <paramref name="window"/> that leave nothing unread with the stride as written (0: the window's own), nearest first.
        /// </summary>
        private static EquatableArray<(string Name, string Value)> TilingWindows(Shape shape, int window, int stride)
        {
            int limit = Math.Min(shape.Height, shape.Width);
            bool Tiles(int w)
            {
                int step = stride == 0 ? w : stride;
                return (shape.Height - w) % step == 0 && (shape.Width - w) % step == 0;
            }
            int below = 0, above = 0;
            for (int w = Math.Min(window - 1, limit); w >= 2 && below == 0; w--)
                if (Tiles(w)) below = w;
            for (int w = Math.Max(window + 1, 2); w <= limit && above == 0; w++)
                if (Tiles(w)) above = w;
            var windows = new[] { below, above }.Where(w => w != 0).OrderBy(w => Math.Abs(w - window)).ThenBy(w => w).ToList();
            return windows.Count == 0 ? EquatableArray<(string Name, string Value)>.Empty
                : new[] { (FixProperties.TilingWindows, FixProperties.List(windows)) }.ToEquatableArray();
        }

        /// <summary>"1 row", "2 columns", "1 row and 3 columns": what the windows leave unread.</summary>
        private static string Remainder(int rows, int columns)
        {
            static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
            return rows != 0 && columns != 0 ? $"{Count(rows, "row")} and {Count(columns, "column")}"
                : rows != 0 ? Count(rows, "row") : Count(columns, "column");
        }

        private Shape? CheckDenseOrHead(LayerSpec layer, int position, string description, Shape? input)
        {
            string what = layer.Kind == LayerKind.Dense ? "the number of units" : "the number of classes";
            bool ok = CheckSize(position, description, what, layer.Count, 1, Limits.MaxDimension, layer.CountLocation, layer.Location);
            if (layer.Kind == LayerKind.RbfOutput)
                ok &= CheckPrototypes(layer, position, description, input);
            if (!ok) return null;
            // A dense layer's (or head's) width does not depend on its input: after an error before it, the layers after
            // it are still checked against it.
            if (input is not Shape shape) return Unchecked(layer.Kind == LayerKind.Dense ? "F" : "Output", position, new Shape(layer.Count, 1, 1));

            var output = new Shape(layer.Count, 1, 1);
            int inputs = shape.Size;
            bool rbf = layer.Kind == LayerKind.RbfOutput;
            long weightLength = (long)inputs * layer.Count;
            long biasLength = rbf ? 0 : layer.Count;
            bool trainable = !rbf || layer.TrainablePrototypes;
            if (!trainable)
            {
                if (weightLength > Limits.MaxParameters)
                {
                    ReportTooLarge(layer.Location, $"Layer {position} ({description})", "the number of prototype values", weightLength, Limits.MaxParameters);
                    return null;
                }
                _fixedValues += (int)weightLength;
            }
            else if (!CheckParameters(position, description, weightLength + biasLength, layer.Location)) return null;

            int weightOffset = _parameters;
            var runs = new List<InitRun>();
            Act initActivation = layer.Kind == LayerKind.Dense ? layer.Activation : Act.Identity;
            if (!rbf) runs.Add(new InitRun(weightOffset, (int)weightLength, InitLimit(inputs, layer.Count, initActivation), $"fan-in {inputs}{RuleNote(initActivation)}"));
            Act activation = layer.Kind == LayerKind.Dense ? layer.Activation : Act.Identity;
            return Add(new LayerPlan
            {
                Position = position,
                Name = layer.Kind == LayerKind.Dense ? "F" + position.ToString(Inv) : "Output",
                Description = description,
                Kind = layer.Kind,
                In = shape,
                Out = output,
                Activation = activation,
                Weights = new WeightLayout(inputs, inputs, inputs),
                WeightOffset = weightOffset,
                WeightLength = trainable ? (int)weightLength : 0,
                BiasOffset = weightOffset + (trainable ? (int)weightLength : 0),
                BiasLength = (int)biasLength,
                InitRuns = runs.ToEquatableArray(),
                Unroll = layer.Unroll,
                Connections = weightLength + biasLength,
                Prototypes = layer.Prototypes,
                TrainablePrototypes = rbf && layer.TrainablePrototypes,
                FixedValueCount = trainable ? 0 : (int)weightLength,
            }, output);
        }

        private bool CheckPrototypes(LayerSpec layer, int position, string description, Shape? input)
        {
            if (layer.Prototypes != RbfPrototypes.LeNet5Digits) return true;
            bool ok = true;
            if (layer.Count >= 1 && layer.Count != 10)
            {
                Report(D.RbfClassCountMismatch, layer.CountLocation ?? layer.Location, position, description, "LeNet-5's digit", 10, layer.Count);
                ok = false;
            }
            if (input is Shape shape && shape.Size != 84)
            {
                Report(FixProperties.Of((FixProperties.DenseUnits, 84)), D.RbfWidthMismatch, layer.PrototypesLocation ?? layer.Location, position, description, "LeNet-5's digit", 84, shape.Size, _chain.ToString(),
                    Json ? "the layer before must have 84 outputs (7x12, e.g. { \"kind\": \"dense\", \"units\": 84 }), or use \"prototypes\": \"randomCodes\""
                         : "the layer before must have 84 outputs (7x12, e.g. [Dense(84)]), or use Prototypes = RbfPrototypes.RandomCodes");
                ok = false;
            }
            return ok;
        }

        private bool CheckActivations(int position, string description, Shape output, LocationInfo? location)
        {
            if ((long)output.Maps * output.Height * output.Width > Limits.MaxActivations)
            {
                ReportTooLarge(location, $"Layer {position} ({description})", "the output size", (long)output.Maps * output.Height * output.Width, Limits.MaxActivations);
                return false;
            }
            return true;
        }

        private bool CheckParameters(int position, string description, long count, LocationInfo? location)
        {
            if (_parameters + count > Limits.MaxParameters)
            {
                ReportTooLarge(location, $"Layer {position} ({description})", "the parameter count so far", _parameters + count, Limits.MaxParameters);
                return false;
            }
            return true;
        }

        /// <summary>", He's rule" or ", Glorot's rule" when the rule comes from the activation, for the generated comment.</summary>
        private string RuleNote(Act activation) => _spec.Init != Init.ByActivation ? ""
            : RuleFor(Init.ByActivation, activation) == Init.HeUniform ? ", He's rule (ReLU)" : ", Glorot's rule";

        /// <summary>The bound of a layer's uniform weights: the spec's rule, or by default the one its activation calls for.</summary>
        private double InitLimit(int fanIn, int fanOut, Act activation) => RuleFor(_spec.Init, activation) switch
        {
            Init.HeUniform => Math.Sqrt(6.0 / fanIn),
            Init.XavierUniform => Math.Sqrt(6.0 / (fanIn + fanOut)),
            _ => 2.4 / fanIn,
        };

        /// <summary>
        /// A layer that has an error but whose output shape is still known: it joins the chain of shapes (so later
        /// messages show how their input came about) but not the plan, which is not made.
        /// </summary>
        private Shape Unchecked(string prefix, int position, Shape output)
        {
            _chain.Append(" -> ").Append(prefix == "Output" ? prefix : prefix + position.ToString(Inv)).Append(' ').Append(output);
            return output;
        }

        private Shape Add(LayerPlan plan, Shape output)
        {
            bool separateOutput = plan.Activation != Act.Identity || plan.Kind == LayerKind.SoftmaxOutput;
            long padded = -1;
            if (plan.Kind == LayerKind.Conv && plan.Padding > 0)
            {
                padded = _workspace;
                _workspace += plan.PaddedIn.Size;
            }
            long pre = _workspace;
            long post = separateOutput ? pre + output.Size : pre;
            long deltas = post + output.Size;
            _workspace = deltas + output.Size;
            long paddedDeltas = -1;
            if (padded >= 0)
            {
                paddedDeltas = _workspace;
                _workspace += plan.PaddedIn.Size;
            }
            if (_workspace > Limits.MaxWorkspace && !_workspaceReported)
            {
                _workspaceReported = true;
                ReportTooLarge(_spec.Location, $"Layer {plan.Position} ({plan.Description})", "the workspace size so far", _workspace, Limits.MaxWorkspace);
                _workspace = Limits.MaxWorkspace;
            }
            _layers.Add(plan with
            {
                SumsOffset = (int)pre, ValuesOffset = (int)post, PaddedOffset = (int)padded,
                DeltasOffset = (int)deltas, PaddedDeltasOffset = (int)paddedDeltas,
            });
            _parameters += plan.WeightLength + plan.BiasLength;
            _chain.Append(" -> ").Append(plan.Name).Append(' ').Append(output);
            return output;
        }
    }

    /// <summary>
    /// The rule a layer's weights are drawn by: <paramref name="init"/> itself, or for <see cref="Init.ByActivation"/>
    /// He's for ReLU and Glorot's for every other activation (see the runtime's Init.ByActivation for why).
    /// </summary>
    public static Init RuleFor(Init init, Act activation) =>
        init != Init.ByActivation ? init : activation == Act.Relu ? Init.HeUniform : Init.XavierUniform;

    /// <summary>How diagnostics and the summary name a layer: "conv 6@5x5", "subsample 2x2", "dense 84", "rbf 10".</summary>
    /// <param name="count">False leaves the maps, units or classes out (a value the front end rejected).</param>
    /// <param name="kernel">False leaves the kernel out.</param>
    /// <param name="window">False leaves the window out.</param>
    public static string Describe(LayerSpec layer, bool count = true, bool kernel = true, bool window = true)
    {
        string Counted(string kind) => count ? kind + " " + layer.Count.ToString(Inv) : kind;
        switch (layer.Kind)
        {
            case LayerKind.Conv:
                // A kernel side below 1 is what a diagnostic reports; the description does not repeat it as "6@0x0".
                return !kernel || layer.KernelHeight < 1 || layer.KernelWidth < 1 ? Counted("conv") : $"{Counted("conv")}@{layer.KernelHeight}x{layer.KernelWidth}";
            case LayerKind.Pool:
                string kind = layer.PoolKind switch { PoolKind.Average => "avg pool", PoolKind.Max => "max pool", _ => "subsample" };
                string ceil = layer.CeilMode ? ", ceil mode" : "";
                return (window ? $"{kind} {layer.Window}x{layer.Window}" : kind) + ceil;
            case LayerKind.Dense:
                return Counted("dense");
            case LayerKind.SoftmaxOutput:
                return Counted("softmax");
            default:
                return Counted("rbf");
        }
    }
}
