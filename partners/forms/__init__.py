"""The partner space's forms and the public application form, one module per concern."""
