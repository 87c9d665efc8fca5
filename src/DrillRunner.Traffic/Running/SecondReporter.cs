namespace DrillRunner.Traffic.Running;

/// <summary>
/// Reports each second once nothing more can change it: issuing has moved past it and every request intended
/// in it has finished.
/// </summary>
internal sealed class SecondReporter
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);
    private readonly RunContext _run;
    private readonly IProgress<TrafficSecond>? _progress;
    private readonly List<TrafficSecond> _reported = [];

    public SecondReporter(RunContext run, IProgress<TrafficSecond>? progress)
    {
        _run = run;
        _progress = progress;
    }

    public IReadOnlyList<TrafficSecond> Reported => _reported;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Period, _run.Time, cancellationToken);
                ReportSettled();
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; Finish reports the rest.
        }
    }

    /// <summary>After the run: report every second up to the last one with traffic, settled or not.</summary>
    public void Finish()
    {
        var last = _run.Recorder.LastSecond;
        while (_reported.Count <= last)
        {
            Report();
        }
    }

    private void ReportSettled()
    {
        var frontier = Volatile.Read(ref _run.Frontier);
        // Once issuing is over (frontier at infinity) only seconds up to the last one with traffic exist.
        var end = frontier == long.MaxValue ? _run.Recorder.LastSecond + 1 : _run.Recorder.SecondCount;
        while (_reported.Count < end
            && _run.Start + ((_reported.Count + 1) * _run.Frequency) <= frontier
            && _run.Recorder[_reported.Count].Outstanding == 0)
        {
            Report();
        }
    }

    private void Report()
    {
        var second = new TrafficSecond(_reported.Count, _run.StartedAt.AddSeconds(_reported.Count), _run.Recorder[_reported.Count].Settle());
        _reported.Add(second);
        _progress?.Report(second);
    }
}
