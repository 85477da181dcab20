namespace Serverless.Connect.Data;

/// <summary>The struct enumerator of <see cref="ConnectHeaders"/>.</summary>
public sealed partial class ConnectHeaders
{
    /// <summary>Enumerates headers without allocating.</summary>
    public struct Enumerator
    {
        private readonly ConnectHeader[] _headers;
        private int _index;

        internal Enumerator(ConnectHeader[] headers)
        {
            _headers = headers;
            _index = -1;
        }

        /// <summary>Gets the current header.</summary>
        public readonly ConnectHeader Current => _headers[_index];

        /// <summary>Advances to the next header.</summary>
        /// <returns><see langword="true"/> if there is one.</returns>
        public bool MoveNext() => ++_index < _headers.Length;
    }
}
