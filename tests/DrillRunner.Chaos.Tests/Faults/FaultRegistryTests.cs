using DrillRunner.Chaos.Faults;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Chaos.Tests.Faults;

public sealed class FaultRegistryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly FaultRegistry _registry;

    public FaultRegistryTests() => _registry = new FaultRegistry(_time);

    [Fact]
    public void Fault_switches_itself_off_when_its_lease_expires()
    {
        _registry.Set(Fault("slow", TimeSpan.FromSeconds(30)));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(_registry.Snapshot());
        Assert.NotNull(_registry.Select("/orders", dependency: null).Latency);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_registry.Snapshot());
        Assert.True(_registry.Select("/orders", dependency: null).IsEmpty);
    }

    [Fact]
    public void Renewing_a_fault_extends_its_lease()
    {
        _registry.Set(Fault("slow", TimeSpan.FromSeconds(30)));
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(_registry.Renew("slow", TimeSpan.FromSeconds(30)));
        _time.Advance(TimeSpan.FromSeconds(25));

        Assert.Single(_registry.Snapshot());
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Empty(_registry.Snapshot());
    }

    [Fact]
    public void An_expired_fault_cannot_be_renewed()
    {
        _registry.Set(Fault("slow", TimeSpan.FromSeconds(5)));
        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.False(_registry.Renew("slow", TimeSpan.FromSeconds(30)));
        Assert.False(_registry.Renew("never-set", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Route_and_dependency_filters_decide_which_calls_a_fault_applies_to()
    {
        _registry.Set(Fault("orders-only", TimeSpan.FromSeconds(30)) with { Route = "/orders" });
        _registry.Set(Fault("payments", TimeSpan.FromSeconds(30)) with { Kind = FaultKind.Error, Dependency = "payments" });

        Assert.Equal("orders-only", _registry.Select("/orders/17", null).Latency?.Name);
        Assert.True(_registry.Select("/products", null).IsEmpty);
        Assert.Null(_registry.Select("/orders", null).Error);
        Assert.Equal("payments", _registry.Select("/charge", "payments").Error?.Name);
        Assert.Null(_registry.Select("/charge", "inventory").Error);
    }

    public void Dispose() => _registry.Dispose();

    private ActiveFault Fault(string name, TimeSpan lease) =>
        new(name, FaultKind.Latency, 1.0, TimeSpan.FromMilliseconds(800), 503, null, null, _time.GetUtcNow() + lease);
}
