using System.Buffers;

namespace AlertWorker.Matching;

/// <summary>
/// Per-item memo of term results, so a term shared by many topics is looked up once per item.
/// Rents its buffer; dispose it to return the buffer.
/// </summary>
internal sealed class TermCache : IDisposable
{
    private const sbyte Unknown = 0;
    private const sbyte Yes = 1;
    private const sbyte No = 2;

    private readonly sbyte[] _states;

    public TermCache(int termCount)
    {
        _states = ArrayPool<sbyte>.Shared.Rent(Math.Max(1, termCount));
        Array.Clear(_states, 0, Math.Max(1, termCount));
    }

    public bool TryGet(int id, out bool value)
    {
        var state = _states[id];
        value = state == Yes;
        return state != Unknown;
    }

    public void Set(int id, bool value) => _states[id] = value ? Yes : No;

    public void Dispose() => ArrayPool<sbyte>.Shared.Return(_states);
}
