"""The identify stage: which field of an SBOM says what about a vendor, and what a component is.

- `fields`: the identity-field table (kind of value, role, party per field)
  and the extraction that follows from it;
- `kinds`: the component-kind vocabulary and its mapping from each format;
- `columns`: the same table read a column at a time, to find the few
  components worth matching (the Python path's prefilter).

The load stage calls it to turn decoded SBOM objects into component records.
"""
