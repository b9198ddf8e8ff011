"""The Qt window: the appliance's SMTP page as a desktop program. The only layer that imports PySide6."""
