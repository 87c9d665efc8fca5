using System.Collections.Concurrent;
using Docker.DotNet.Models;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Images;

/// <summary>Collects the errors an image import streams back.</summary>
internal sealed class ImportErrors : IProgress<JSONMessage>
{
    private readonly ConcurrentQueue<string> _errors = new();

    public void Report(JSONMessage value)
    {
        if (value.Error is { Message: { Length: > 0 } message })
        {
            _errors.Enqueue(message);
        }
    }

    public void ThrowIfAny(ImageReference image)
    {
        if (!_errors.IsEmpty)
        {
            throw new DriverException($"Import of image {image} failed: {string.Join("; ", _errors)}");
        }
    }
}
