using System.Text;

namespace DrillRunner.Traffic.Http;

internal static class AsciiSpanExtensions
{
    public static bool EqualsAnyCase(this ReadOnlySpan<byte> text, ReadOnlySpan<byte> other) => Ascii.EqualsIgnoreCase(text, other);

    public static bool ContainsAnyCase(this ReadOnlySpan<byte> text, ReadOnlySpan<byte> other)
    {
        for (var i = 0; i + other.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, other.Length), other))
            {
                return true;
            }
        }

        return false;
    }
}
