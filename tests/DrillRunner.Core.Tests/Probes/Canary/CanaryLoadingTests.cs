using DrillRunner.Loading;
using DrillRunner.Probes.Canary;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Probes.Canary;

public sealed class CanaryLoadingTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public CanaryLoadingTests() => _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_canary_loads_with_its_endpoints_substituted_and_placeholders_kept()
    {
        var drill = _loader.Load(_folder.Write("canary.yaml", CanaryDrills.Drill(CanaryDrills.Probe())));

        var options = Assert.IsType<CanaryProbeOptions>(drill.Spec.Probes.Single());
        Assert.Equal("http://127.0.0.1:18999/orders", options.Write!.Url);
        Assert.Equal("http://127.0.0.1:18999/orders/${id}", options.Read!.Url);
        Assert.Equal("canary-${runId}-${sequence}", options.Read.Expect["$.userId"]);
        Assert.Equal(["http://127.0.0.1:18999/orders", "http://127.0.0.1:18999/orders/id"], drill.Probes.Single().Targets.Select(t => t.ToString()));
    }

    [Fact]
    public void A_canary_without_a_read_path_is_refused_at_its_line()
    {
        var file = _folder.Write("no-read.yaml", CanaryDrills.Drill(CanaryDrills.Probe(read: "")));

        var problem = Assert.Single(Assert.Throws<DrillInputException>(() => _loader.Load(file)).Problems);

        Assert.Equal((file, 7, "probes[0].read", "is required"), (problem.Location.File, problem.Location.Line, problem.Field, problem.Message));
    }

    [Theory]
    [InlineData("      url: http://127.0.0.1:18999/orders/${id}\n      expect:\n        $.userId: ${user}\n", "probes[0].read.expect", "unknown placeholder '${user}'")]
    [InlineData("      url: http://127.0.0.1:18999/orders\n", "probes[0].read.url", "must name the write it reads, by ${id}")]
    [InlineData("      url: http://${id}:18999/orders\n", "probes[0].read.url", "placeholders may stand in the path and query only")]
    [InlineData("      url: http://127.0.0.1:18999/orders/${id}\n      expect:\n        userId: x\n", "probes[0].read.expect", "'userId' is not a JSONPath")]
    public void A_bad_read_path_is_refused_naming_its_field(string readFields, string field, string message)
    {
        var file = _folder.Write("bad-read.yaml", CanaryDrills.Drill(CanaryDrills.Probe(read: "    read:\n" + readFields)));

        var problem = Assert.Single(Assert.Throws<DrillInputException>(() => _loader.Load(file)).Problems);

        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Location.Line >= 14, $"line {problem.Location.Line}");
    }

    [Fact]
    public void An_unknown_placeholder_in_the_write_body_is_refused_at_the_body_line()
    {
        var probe = CanaryDrills.Probe().Replace("${sequence}\" }'", "${seq}\" }'", StringComparison.Ordinal);
        var file = _folder.Write("bad-body.yaml", CanaryDrills.Drill(probe));

        var problem = Assert.Single(Assert.Throws<DrillInputException>(() => _loader.Load(file)).Problems);

        Assert.Equal((13, "probes[0].write.body"), (problem.Location.Line, problem.Field));
        Assert.StartsWith("unknown placeholder '${seq}'; known here: ${sequence}, ${sentAt}, ${runId}, ${probe}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://shop.example", "http://127.0.0.1:18999")]
    [InlineData("http://127.0.0.1:18999", "http://shop.example")]
    public void A_write_or_read_url_outside_the_allowlist_is_refused(string writeHost, string readHost)
    {
        var probe = CanaryDrills.Probe(shop: writeHost, read: CanaryDrills.ReadPath(readHost));
        var file = _folder.Write("outside.yaml", CanaryDrills.Drill(probe));

        var problem = Assert.Single(Assert.Throws<DrillInputException>(() => _loader.Load(file)).Problems);

        Assert.Equal((7, "probes.orders-canary"), (problem.Location.Line, problem.Field));
        Assert.Contains("target host 'shop.example' is not in environment 'test-shop' allowlist", problem.Message, StringComparison.Ordinal);
    }
}
