"""Desktop SMTP configurator for the TVox appliance."""

__version__ = "0.1.0"
