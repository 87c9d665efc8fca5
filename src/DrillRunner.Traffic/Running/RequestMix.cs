using DrillRunner.Traffic.Http;

namespace DrillRunner.Traffic.Running;

/// <summary>The plan's templates, compiled once, chosen by weight.</summary>
internal sealed class RequestMix
{
    private readonly CompiledRequest[] _requests;
    private readonly int[] _cumulativeWeights;

    public RequestMix(IReadOnlyList<RequestTemplate> templates, Uri target)
    {
        _requests = [.. templates.Select(t => new CompiledRequest(t, target))];
        _cumulativeWeights = new int[_requests.Length];
        var sum = 0;
        for (var i = 0; i < _requests.Length; i++)
        {
            if (_requests[i].Weight <= 0)
            {
                throw new ArgumentException("Every request in the mix needs a positive weight.", nameof(templates));
            }

            sum = checked(sum + _requests[i].Weight);
            _cumulativeWeights[i] = sum;
        }
    }

    public CompiledRequest Pick(Random random)
    {
        if (_requests.Length == 1)
        {
            return _requests[0];
        }

        var draw = random.Next(_cumulativeWeights[^1]);
        var i = 0;
        while (_cumulativeWeights[i] <= draw)
        {
            i++;
        }

        return _requests[i];
    }
}
