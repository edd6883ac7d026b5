__all__ = ['ttypes', 'constants', 'Plot']
