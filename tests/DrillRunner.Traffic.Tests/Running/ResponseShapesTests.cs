using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class ResponseShapesTests
{
    [Theory]
    [InlineData("/chunked")]
    [InlineData("/sized")]
    [InlineData("/empty")]
    public async Task Large_chunked_sized_and_empty_responses_keep_the_connection_usable(string path)
    {
        var payload = new string('x', 300_000);
        await using var server = await TestServer.StartAsync(async context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/chunked":
                    for (var i = 0; i < 30; i++)
                    {
                        await context.Response.WriteAsync(payload[..10_000]);
                        await context.Response.Body.FlushAsync();
                    }

                    break;
                case "/sized":
                    context.Response.ContentLength = payload.Length;
                    await context.Response.WriteAsync(payload);
                    break;
                default:
                    context.Response.StatusCode = 204;
                    break;
            }
        });
        var plan = new LoadPlan
        {
            Target = new Uri(server.BaseUri, path),
            AllowedHosts = ["127.0.0.1"],
            Connections = 2,
            MaxRequests = 40,
        };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(40, result.Total.Ok);
        Assert.Equal(0, result.Total.Failed.Total);
    }

    [Fact]
    public async Task Mix_is_sent_by_weight_with_placeholders_filled()
    {
        var byPath = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var badBodies = 0;
        await using var server = await TestServer.StartAsync(async context =>
        {
            byPath.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            if (context.Request.Method == "POST")
            {
                var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                var user = context.Request.Headers["X-User-Id"].ToString();
                if (body != $"buyer={user[1..]}" || context.Request.ContentLength != body.Length)
                {
                    Interlocked.Increment(ref badBodies);
                }
            }
        });
        var plan = new LoadPlan
        {
            Target = server.BaseUri,
            AllowedHosts = ["127.0.0.1"],
            Connections = 4,
            MaxRequests = 2000,
            Mix =
            [
                new RequestTemplate { Path = "/products", Weight = 3 },
                new RequestTemplate { Method = "POST", Path = "/orders", Body = "buyer={user}", Weight = 1 },
            ],
        };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(2000, result.Total.Ok);
        Assert.Equal(0, badBodies);
        Assert.InRange(byPath["/products"], 1400, 1600);
        Assert.Equal(2000, byPath["/products"] + byPath["/orders"]);
    }
}
