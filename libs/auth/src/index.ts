// Verifying identity's access tokens in every service: see README in this folder.
