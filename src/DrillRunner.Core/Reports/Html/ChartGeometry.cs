namespace DrillRunner.Reports.Html;

/// <summary>Where the chart draws: two stacked panels (success and rate; latency) over one time axis.</summary>
internal sealed class ChartGeometry(DateTimeOffset start, DateTimeOffset end)
{
    public const double Width = 960;
    public const double Height = 430;
    public const double Left = 60;
    public const double Right = 900;
    public const double TopY = 20;
    public const double TopHeight = 170;
    public const double BottomY = 230;
    public const double BottomHeight = 150;

    public static double PlotWidth => Right - Left;

    public DateTimeOffset Start => start;

    public DateTimeOffset End => end;

    public double X(DateTimeOffset at)
    {
        var fraction = (at - start) / (end - start);
        return Left + (Math.Clamp(fraction, 0, 1) * PlotWidth);
    }

    public static double Y(double value, double max, double panelY, double panelHeight) =>
        panelY + panelHeight - (Math.Clamp(value / max, 0, 1) * panelHeight);
}
