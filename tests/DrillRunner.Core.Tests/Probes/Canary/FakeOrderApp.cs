using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DrillRunner.Core.Tests.Probes.Canary;

/// <summary>
/// An order API in memory behind an <see cref="HttpMessageHandler"/>, answering after a latency on the fake clock:
/// <c>POST /orders</c> stores the body under a new id, <c>GET /orders/{id}</c> returns it. Tests lose, alter and
/// break things behind the canary's back.
/// </summary>
internal sealed class FakeOrderApp(TimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, JsonObject> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<int> _forget = [];
    private int _next;
    private int _writes;
    private int _failReads;

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Latency of reads, when it should differ from writes'.</summary>
    public TimeSpan? ReadLatency { get; set; }

    /// <summary>Acknowledge writes with 201 but no id in the body.</summary>
    public bool AnswerWithoutId { get; set; }

    /// <summary>Acknowledge every write with this id (one row, overwritten).</summary>
    public string? ReuseId { get; set; }

    /// <summary>Reads answer 503 for as long as this is set.</summary>
    public bool ReadsBroken { get; set; }

    /// <summary>Reads never answer.</summary>
    public bool ReadsHang { get; set; }

    /// <summary>Also answer writes with the new order's path in this header.</summary>
    public string? PathHeader { get; set; }

    public IReadOnlyCollection<string> Ids => [.. _orders.Keys];

    public int Reads { get; private set; }

    /// <summary>Acknowledges these writes (1-based, in arrival order) but never stores them: an acknowledged loss.</summary>
    public void Forget(params int[] writes) => _forget.UnionWith(writes);

    /// <summary>The next <paramref name="count"/> reads answer 500.</summary>
    public void FailNextReads(int count) => _failReads = count;

    protected override void Dispose(bool disposing)
    {
        Arrived.Dispose();
        base.Dispose(disposing);
    }

    public void Delete(string id) => _orders.TryRemove(id, out _);

    public void Alter(string id, string field, string value) => _orders[id][field] = value;

    /// <summary>Released once per request, after its latency started counting on the fake clock.</summary>
    public SemaphoreSlim Arrived { get; } = new(0);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var latency = Task.Delay(request.Method == HttpMethod.Get ? ReadLatency ?? Latency : Latency, time, cancellationToken);
        Arrived.Release();
        await latency;
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == "/orders")
        {
            var order = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            var id = ReuseId ?? $"o{Interlocked.Increment(ref _next)}";
            order["id"] = id;
            if (!_forget.Contains(Interlocked.Increment(ref _writes)))
            {
                _orders[id] = order;
            }

            var created = Json(HttpStatusCode.Created, AnswerWithoutId ? new JsonObject { ["status"] = "accepted" } : order.DeepClone().AsObject());
            if (PathHeader is not null)
            {
                created.Headers.Add(PathHeader, "/orders/" + id);
            }

            return created;
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/orders/", StringComparison.Ordinal))
        {
            Reads++;
            if (ReadsHang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
            }

            if (ReadsBroken || Interlocked.Decrement(ref _failReads) >= 0)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            return _orders.TryGetValue(path["/orders/".Length..], out var order)
                ? Json(HttpStatusCode.OK, order.DeepClone().AsObject())
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        return new HttpResponseMessage(HttpStatusCode.MethodNotAllowed);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
