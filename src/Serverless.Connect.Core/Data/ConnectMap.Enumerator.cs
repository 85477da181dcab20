namespace Serverless.Connect.Data;

/// <summary>The struct enumerator of <see cref="ConnectMap"/>.</summary>
public sealed partial class ConnectMap
{
    /// <summary>Enumerates entries without allocating.</summary>
    public struct Enumerator
    {
        private readonly ConnectMap _map;
        private int _index;

        internal Enumerator(ConnectMap map)
        {
            _map = map;
            _index = -1;
        }

        /// <summary>Gets the current entry.</summary>
        public readonly KeyValuePair<object, object?> Current => new(_map._keys[_index], _map._values[_index]);

        /// <summary>Advances to the next entry.</summary>
        /// <returns><see langword="true"/> if there is one.</returns>
        public bool MoveNext() => ++_index < _map._keys.Length;
    }
}
