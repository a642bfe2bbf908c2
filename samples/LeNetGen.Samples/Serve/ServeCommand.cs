using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading.Tasks;
using LeNetGen.Samples.Cli;
using LeNetGen.Samples.Pictures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Http = Microsoft.AspNetCore.Http.Results;
using PictureCanvas = LeNetGen.Samples.Pictures.Canvas;
using SampleNetworks = LeNetGen.Samples.Cli.Networks;

namespace LeNetGen.Samples.Serve;

/// <summary>
/// `serve`: a page on localhost to draw a digit on. GET / is the page; POST /predict takes the drawing as a PNG, prepares
/// it with <see cref="PngDigit"/> (the code of `predict --image`) and the checkpoint's normalization, runs the network and
/// answers with the prediction, the ten outputs, the 28x28 digit as the network saw it and the feature maps of C1, S2, C3.
/// </summary>
internal sealed class ServeCommand(string checkpoint, int port, Recipe recipe, string? normalization) : INetworkAction<int>
{
    public int Run<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(NetworkChoice choice) where TNetwork : INetwork<TNetwork, float>
    {
        Checkpoint<float> saved = Checkpoint<float>.Load<TNetwork>(checkpoint);
        float[] parameters = saved.Parameters.ToArray();
        ImageNormalization prepared = recipe.NormalizationFor(saved, checkpoint, normalization);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        WebApplication app = builder.Build();
        string page;
        using (Stream resource = typeof(ServeCommand).Assembly.GetManifestResourceStream("draw.html")!)
        using (var reader = new StreamReader(resource))
            page = reader.ReadToEnd().Replace("{{NETWORK}}", System.Net.WebUtility.HtmlEncode(SampleNetworks.Title(choice)));

        // Request delegates, not lambdas the framework inspects by reflection; answers through the generated JSON context.
        app.MapGet("/", (RequestDelegate)(context => Http.Content(page, "text/html; charset=utf-8").ExecuteAsync(context)));
        app.MapPost("/predict", (RequestDelegate)(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            body.Position = 0;
            IResult answer;
            try
            {
                answer = Http.Json(Predict<TNetwork>(parameters, prepared, saved, body), ServeJson.Default.Prediction);
            }
            catch (InvalidDataException e)
            {
                answer = Http.Json(new Refusal(e.Message), ServeJson.Default.Refusal, statusCode: StatusCodes.Status400BadRequest);
            }
            await answer.ExecuteAsync(context);
        }));

        app.Start();
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(SampleNetworks.Title(choice))}[/] from {Markup.Escape(checkpoint)}: draw a digit at [bold]http://127.0.0.1:{port}/[/] (Ctrl+C to stop)");
        app.WaitForShutdown();
        return 0;
    }

    /// <summary>What the page shows for one drawing.</summary>
    internal sealed record Prediction(int Predicted, string Head, float[] Outputs, float[] Bars, string Digit, string Maps);

    /// <summary>Why a drawing was refused (answered with status 400).</summary>
    internal sealed record Refusal(string Error);

    private Prediction Predict<[DynamicallyAccessedMembers(LayerMaps.Constants)] TNetwork>(float[] parameters, ImageNormalization prepared, Checkpoint<float> saved, Stream png)
        where TNetwork : INetwork<TNetwork, float>
    {
        Dataset digit = PngDigit.Load(png, "the drawing");
        var converter = new BatchConverter<float>(digit, prepared);
        Input.RequireSamePadding(saved, checkpoint, converter);
        var input = new float[TNetwork.InputSize];
        converter.FillImage(0, input);
        byte[] maps = RunPictures.FeatureMaps<TNetwork>(parameters, input, converter.InputRows, converter.InputColumns, "the drawing through C1, S2, C3", out float[] output);
        int predicted = TNetwork.PredictedClass(output);

        // Bars: softmax outputs are probabilities already; an RBF head's penalties (smallest wins) as softmax(-penalty).
        var bars = new float[output.Length];
        if (TNetwork.Head == OutputHead.Softmax) output.CopyTo(bars, 0);
        else
        {
            float least = float.MaxValue, sum = 0;
            foreach (float v in output) least = Math.Min(least, v);
            for (int i = 0; i < bars.Length; i++) sum += bars[i] = MathF.Exp(least - output[i]);
            for (int i = 0; i < bars.Length; i++) bars[i] /= sum;
        }

        using var seen = new PictureCanvas(28 * 4, 28 * 4);
        var pixels = new float[digit.ImageSize];
        for (int p = 0; p < pixels.Length; p++) pixels[p] = digit.Image(0)[p];
        seen.Image(pixels, digit.Rows, digit.Columns, 0, 0, 4, 0, 255);
        return new Prediction(predicted, TNetwork.Head == OutputHead.Softmax ? "probabilities" : "penalties (smallest wins)", output, bars,
            "data:image/png;base64," + Convert.ToBase64String(seen.Png()), "data:image/png;base64," + Convert.ToBase64String(maps));
    }
}
