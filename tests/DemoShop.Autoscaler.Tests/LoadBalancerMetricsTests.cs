namespace DemoShop.Autoscaler.Tests;

public sealed class LoadBalancerMetricsTests
{
    [Fact]
    public void The_in_flight_gauge_is_read_from_the_prometheus_text()
    {
        var text = "# HELP shop_requests_in_flight Requests being handled now.\n# TYPE shop_requests_in_flight gauge\nshop_requests_in_flight 17\nshop_requests_in_flight_other 3\n";

        Assert.Equal(17, LoadBalancerMetrics.Parse(text));
    }

    [Fact]
    public void Metrics_without_the_gauge_are_an_error_not_zero() =>
        Assert.Throws<FormatException>(() => LoadBalancerMetrics.Parse("shop_requests_total{status=\"200\"} 5\n"));
}
