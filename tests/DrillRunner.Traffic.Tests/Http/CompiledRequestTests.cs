using System.Buffers;
using System.Text;
using DrillRunner.Traffic.Http;

namespace DrillRunner.Traffic.Tests.Http;

public sealed class CompiledRequestTests
{
    private static readonly Uri Target = new("http://127.0.0.1:8080/api/");

    [Fact]
    public void Placeholders_in_path_and_body_are_filled_and_content_length_matches_the_body()
    {
        var template = new RequestTemplate
        {
            Method = "post",
            Path = "orders/{user}?n={seq}",
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Body = """{"user":"{user}","qty":{random:1-20},"seq":{seq}}""",
        };

        var text = Render(template, user: 7, sequence: 42);

        Assert.StartsWith("POST /api/orders/7?n=42 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\nX-User-Id: u7\r\n", text, StringComparison.Ordinal);
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.Matches("""^\{"user":"7","qty":([1-9]|1[0-9]|20),"seq":42\}$""", body);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_placeholder_stays_within_its_bounds()
    {
        var template = new RequestTemplate { Path = "p/{random:3-5}" };
        var seen = Enumerable.Range(0, 200)
            .Select(i => Render(template, 1, i, seed: i).Split(' ')[1])
            .ToHashSet();

        Assert.Equal(["/api/p/3", "/api/p/4", "/api/p/5"], seen.Order());
    }

    [Fact]
    public void Get_without_body_has_no_content_length()
    {
        var text = Render(new RequestTemplate(), 3, 0);

        Assert.Equal("GET /api/ HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-User-Id: u3\r\n\r\n", text);
    }

    [Theory]
    [InlineData("http://127.0.0.1/index.html", "", "/index.html")]
    [InlineData("http://127.0.0.1/api/v1?x=1", "", "/api/v1?x=1")]
    [InlineData("http://127.0.0.1/api/v1", "/health", "/health")]
    [InlineData("http://127.0.0.1/api/v1", "orders", "/api/orders")]
    public void Template_path_resolves_against_the_target_like_a_relative_link(string target, string path, string expected)
    {
        var output = new ArrayBufferWriter<byte>();
#pragma warning disable CA5394 // Test randomness.
        new CompiledRequest(new RequestTemplate { Path = path }, new Uri(target)).Write(output, new ArrayBufferWriter<byte>(), 1, 0, new Random(1));
#pragma warning restore CA5394

        Assert.StartsWith($"GET {expected} HTTP/1.1\r\n", Encoding.UTF8.GetString(output.WrittenSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_random_placeholder_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CompiledRequest(new RequestTemplate { Path = "/{random:9-1}" }, Target));
    }

    private static string Render(RequestTemplate template, int user, long sequence, int seed = 1)
    {
        var output = new ArrayBufferWriter<byte>();
#pragma warning disable CA5394 // Test randomness.
        new CompiledRequest(template, Target).Write(output, new ArrayBufferWriter<byte>(), user, sequence, new Random(seed));
#pragma warning restore CA5394
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
