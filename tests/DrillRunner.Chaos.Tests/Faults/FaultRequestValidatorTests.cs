using DrillRunner.Chaos.Faults;

namespace DrillRunner.Chaos.Tests.Faults;

public sealed class FaultRequestValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("explode", 0.5, 30, "kind must be one of")]
    [InlineData("error", 1.5, 30, "rate must be between 0 and 1")]
    [InlineData("error", -0.1, 30, "rate must be between 0 and 1")]
    [InlineData("error", 0.5, 0, "leaseSeconds must be between 1 and 3600")]
    [InlineData("error", 0.5, 3601, "leaseSeconds must be between 1 and 3600")]
    public void Invalid_bodies_are_rejected_with_a_message_naming_the_field(string kind, double rate, int lease, string expected)
    {
        var error = FaultRequestValidator.Validate(
            "f", new FaultRequest { Kind = kind, Rate = rate, LeaseSeconds = lease }, Now, out var fault);

        Assert.Null(fault);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_body_becomes_a_fault_with_defaults_and_a_lease()
    {
        var error = FaultRequestValidator.Validate(
            "boom", new FaultRequest { Kind = "error", Rate = 0.3, Route = "/orders", LeaseSeconds = 30 }, Now, out var fault);

        Assert.Null(error);
        Assert.Equal(new ActiveFault("boom", FaultKind.Error, 0.3, TimeSpan.FromMilliseconds(1000), 500, "/orders", null, Now.AddSeconds(30)), fault);
    }
}
