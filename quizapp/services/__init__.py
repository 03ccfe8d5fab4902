"""Named operations over the models. Services add and flush; views commit."""
