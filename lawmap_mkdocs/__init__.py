"""The MkDocs adapter: the only code that knows MkDocs. It loads the model once per build and asks lawmap.site."""
