using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary>
/// A service's <c>limits:</c> load as typed numbers (CPUs, a byte size), either alone; bad ones are refused with the
/// file, the line and the field, and the local driver refuses them rather than ignoring them.
/// </summary>
public sealed class LimitsLoadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cpus_and_memory_load_as_numbers()
    {
        var spec = EnvironmentLoader.Load(_folder.Write("environments/limited.yaml", Environment("{ cpus: 1.5, memory: 512MiB }")));

        var limits = spec.Services["web"].Limits!;
        Assert.Equal(1.5, limits.Cpus);
        Assert.Equal(512L << 20, limits.Memory!.Value.Bytes);
        Assert.True(limits.IsComplete);
    }

    [Theory]
    [InlineData("{ cpus: 0.25 }", 0.25, null)]
    [InlineData("{ memory: 64MB }", null, 64_000_000L)]
    public void Either_limit_may_be_given_alone(string limits, double? cpus, long? memory)
    {
        var spec = EnvironmentLoader.Load(_folder.Write("environments/limited.yaml", Environment(limits)));

        var loaded = spec.Services["web"].Limits!;
        Assert.Equal(cpus, loaded.Cpus);
        Assert.Equal(memory, loaded.Memory?.Bytes);
        Assert.False(loaded.IsComplete);
    }

    [Fact]
    public void A_service_without_limits_has_none()
    {
        var spec = EnvironmentLoader.Load(_folder.Write("environments/limited.yaml", Environment(null)));

        Assert.Null(spec.Services["web"].Limits);
    }

    [Theory]
    [InlineData("{ cpus: 0 }", 8, "services.web.limits.cpus", "between 0.01 and 64")]
    [InlineData("{ cpus: -1, memory: 1GiB }", 8, "services.web.limits.cpus", "between 0.01 and 64")]
    [InlineData("{ cpus: 100 }", 8, "services.web.limits.cpus", "between 0.01 and 64")]
    [InlineData("{ cpus: lots }", 8, "services.web.limits.cpus", "lots")]
    [InlineData("{ memory: 1MiB }", 8, "services.web.limits.memory", "between 6MiB and 1TiB")]
    [InlineData("{ memory: plenty }", 8, "services.web.limits.memory", "is not a size")]
    [InlineData("{ }", 8, "services.web.limits", "give cpus, memory or both")]
    [InlineData("{ cpu: 2 }", 8, "services.web.limits.cpu", "")]
    public void Bad_limits_are_refused_with_file_line_and_field(string limits, int line, string field, string message)
    {
        var file = _folder.Write("environments/limited.yaml", Environment(limits));

        var ex = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(file));

        var problem = Assert.Single(ex.Problems, p => p.Field.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(file, problem.Location.File);
        Assert.Equal(line, problem.Location.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_local_driver_refuses_declared_limits_at_load_instead_of_ignoring_them()
    {
        var file = _folder.Write("environments/limited.yaml", Environment("{ memory: 256MiB }", driver: "local"));

        var ex = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(file));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("services.web.limits", problem.Field);
        Assert.Equal(8, problem.Location.Line);
        Assert.Contains("local driver cannot hold declared limits", problem.Message, StringComparison.Ordinal);
    }

    private static string Environment(string? limits, string driver = "docker") => $$"""
        name: limited
        driver: {{driver}}
        allowlist: [127.0.0.1]
        services:
          web:
            image: shop:latest
            port: 18500
            {{(limits is null ? "" : "limits: " + limits)}}
        """;
}
